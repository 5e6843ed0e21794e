import { useEffect, useRef, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Protocol } from '../../../src-main/core/protocols/model';
import type { RigLane } from '../../../src-main/core/protocols/outcomes';
import { useCall } from '../../store/use-app-store';
import { protocolIssues, type DraftIssue } from './draft-errors';
import { planWindow } from './plan-window';

export interface LivePlan {
  lanes: RigLane[];
  fromMs: number;
  untilMs: number;
}

export interface DraftCheck {
  /** The plan of the draft as it is now; null while it has problems or is being planned. */
  plan: LivePlan | null;
  /** The model's problems with the draft, field by field (empty: none). */
  issues: DraftIssue[];
  /** A failure other than the draft's problems (a rig could not be read, the core is away). */
  error: MotifError | null;
  /** The draft the answer is about: it is valid when this is the draft and `issues` is empty. */
  checked: Protocol | null;
  busy: boolean;
}

/** Waits this long after the last edit before planning, so typing does not send a request per key. */
const DEBOUNCE_MS = 400;

/**
 * The draft planned for the next `days` on the chosen rigs (none: one lane with the
 * parameters' defaults), redone after each edit. The core checks the draft against the
 * model on the way in, so its answer is both the plan and the problems with the form.
 */
export function useLivePlan(draft: Protocol, rigIds: readonly string[], days: number): DraftCheck {
  const call = useCall();
  const [state, setState] = useState<DraftCheck>({ plan: null, issues: [], error: null, checked: null, busy: true });
  const latest = useRef(0);
  const rigKey = rigIds.join('\n');

  useEffect(() => {
    const ask = ++latest.current;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      const window = planWindow(days);
      const rigs = rigKey === '' ? [] : rigKey.split('\n').map((rigId) => ({ rigId }));
      void call('protocols.plan', { ref: { protocol: draft }, rigs, ...window }).then((r) => {
        // An answer to an older draft is dropped: only the last edit's plan is shown.
        if (ask !== latest.current) return;
        if (r.ok) {
          setState({ plan: { lanes: r.value.lanes, fromMs: Date.parse(window.from), untilMs: Date.parse(window.until) }, issues: [], error: null, checked: draft, busy: false });
          return;
        }
        const issues = protocolIssues(r.error, ['ref', 'protocol']);
        setState({ plan: null, issues: issues ?? [], error: issues ? null : r.error, checked: draft, busy: false });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [call, draft, rigKey, days]);

  return state;
}
