import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { frameBatch } from '../../store/frame-batch';
import { useAppStore } from '../../store/use-app-store';
import { summarizeOutcomes } from '../../ui/OutcomeList';

let runs = 0;
/** A name for one run of a command, unique in this window: its outcomes come back under it. */
const newProgressId = () => `${Date.now().toString(36)}-${(runs++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * One action over selected rigs/cameras as a dialog runs it: each target's outcome shows the
 * moment the core has it (batched per paint), the whole answer replaces them when the last rig
 * answered; the bridge's refusal shows as an error, and a toast says whether it worked
 * everywhere. Never retried. The rigs' status follows by itself: the core reads a rig again as
 * soon as it took a command.
 */
export function useTargetAction(titles: { ok: string; partial: string; doneWord?: string }) {
  const listen = useAppStore((s) => s.listen);
  // The targets are not watched (read every second) while the dialog is open: an idle rig's
  // connection is kept up by its own polls, so the command goes out without a TLS handshake,
  // and 200 rigs read every second would load the rigs and the core just as it goes.
  const [error, setError] = useState<MotifError | null>(null);
  const [outcomes, setOutcomes] = useState<TargetOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const stopListening = useRef<(() => void) | null>(null);
  useEffect(() => () => stopListening.current?.(), []);

  const run = async (send: (progress: string) => Promise<Result<TargetOutcome[]>>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    const progress = newProgressId();
    let done = false;
    const batch = frameBatch<TargetOutcome>((arrived) => {
      if (!done) setOutcomes((shown) => [...(shown ?? []), ...arrived]);
    });
    const stop = listen('targets.outcome', (e) => {
      if (e.progress === progress) batch.push(e.outcome);
    });
    stopListening.current = () => {
      stop();
      batch.cancel();
    };
    const r = await send(progress);
    done = true;
    stopListening.current();
    stopListening.current = null;
    setBusy(false);
    if (!r.ok) {
      setOutcomes(null);
      setError(r.error);
      return false;
    }
    setOutcomes(r.value);
    const { text, allOk } = summarizeOutcomes(r.value, titles.doneWord);
    notifications.show({ color: allOk ? 'teal' : 'red', title: allOk ? titles.ok : titles.partial, message: text });
    return true;
  };
  return { error, outcomes, busy, run };
}
