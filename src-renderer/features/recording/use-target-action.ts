import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { summarizeOutcomes } from '../../ui/OutcomeList';

/**
 * One action over selected rigs/cameras as a dialog runs it: busy while it runs, the
 * bridge's refusal as an error, else the per-target outcomes and a toast that says
 * whether it worked everywhere. Never retried.
 */
export function useTargetAction(titles: { ok: string; partial: string }) {
  const [error, setError] = useState<MotifError | null>(null);
  const [outcomes, setOutcomes] = useState<TargetOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (send: () => Promise<Result<TargetOutcome[]>>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    const r = await send();
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setOutcomes(r.value);
    const { text, allOk } = summarizeOutcomes(r.value);
    notifications.show({ color: allOk ? 'teal' : 'red', title: allOk ? titles.ok : titles.partial, message: text });
    return true;
  };
  return { error, outcomes, busy, run };
}
