/**
 * What a queued change writes on its rig, so that a change the rig refused holds back only the
 * later changes to the same thing (their order matters there) while the rest of the queue goes
 * on: a camera parameter (on one camera, or on all of them), or a scheduled task (one by name,
 * or the whole schedule for "clear all").
 */
import { matchPath } from '../motif-api/operation-paths';

export type ChangeTarget =
  | { kind: 'parameter'; serial: string | null; name: string }
  | { kind: 'task'; name: string | null }
  /** An endpoint the table cannot tell apart: it overlaps everything on the rig. */
  | { kind: 'rig' };

interface QueuedChange {
  id: string;
  rigId: string;
  endpoint: string;
  args: Record<string, unknown>;
  state: 'pending' | 'sending' | 'failed' | 'conflict' | 'applied';
}

export function changeTargets(endpoint: string, args: Record<string, unknown>): ChangeTarget[] {
  const match = matchPath(endpoint);
  if (!match) return [{ kind: 'rig' }];
  if (match.name === 'cameras.configure') {
    const names = Object.keys(args);
    return names.length > 0 ? names.map((name) => ({ kind: 'parameter', serial: match.serial ?? null, name })) : [{ kind: 'rig' }];
  }
  if (match.name === 'schedule.clearAll') return [{ kind: 'task', name: null }];
  if (match.name === 'schedule.clearTask') return [{ kind: 'task', name: match.params.task_name ?? null }];
  if (match.spec.schedules) return [{ kind: 'task', name: typeof args.task_name === 'string' ? args.task_name : null }];
  return [{ kind: 'rig' }];
}

function overlaps(a: ChangeTarget, b: ChangeTarget): boolean {
  if (a.kind === 'rig' || b.kind === 'rig') return true;
  if (a.kind === 'parameter' && b.kind === 'parameter') return a.name === b.name && (a.serial === null || b.serial === null || a.serial === b.serial);
  if (a.kind === 'task' && b.kind === 'task') return a.name === null || b.name === null || a.name === b.name;
  return false;
}

/** "parameter Gain on camera FAKE0", "task \"mc-x-1\"", for the sentence that says what is held. */
export function targetWords(t: ChangeTarget): string {
  if (t.kind === 'parameter') return `parameter ${t.name} on ${t.serial === null ? 'all cameras' : `camera ${t.serial}`}`;
  if (t.kind === 'task') return t.name === null ? 'the schedule' : `task "${t.name}"`;
  return 'the rig';
}

/**
 * For each waiting change held back, the id of the change it waits behind: one the rig refused
 * (until retried or cancelled), one held as a conflict (until applied anyway or dropped), or
 * one on the wire now. Linear in the entries times the holds.
 */
export function heldEntries(entries: readonly QueuedChange[]): Map<string, string> {
  const held = new Map<string, string>();
  const holds = new Map<string, { target: ChangeTarget; by: string }[]>();
  for (const e of entries) {
    if (e.state === 'applied') continue;
    const rigHolds = holds.get(e.rigId) ?? [];
    holds.set(e.rigId, rigHolds);
    const targets = changeTargets(e.endpoint, e.args);
    if (e.state === 'failed' || e.state === 'conflict' || e.state === 'sending') {
      for (const target of targets) rigHolds.push({ target, by: e.id });
      continue;
    }
    const behind = rigHolds.find((h) => targets.some((t) => overlaps(h.target, t)));
    if (!behind) continue;
    held.set(e.id, behind.by);
    // Later changes to these targets stay behind this one, in order.
    for (const target of targets) rigHolds.push({ target, by: behind.by });
  }
  return held;
}
