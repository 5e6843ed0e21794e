import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { Target, TargetOutcome } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { summarizeOutcomes } from '../../ui/OutcomeList';

/**
 * One action over selected rigs/cameras as a dialog runs it: busy while it runs, the
 * bridge's refusal as an error, else the per-target outcomes and a toast that says
 * whether it worked everywhere. Never retried. The status of the targets' rigs is read
 * again before the answer shows: it follows the action at once, not at the next poll.
 */
export function useTargetAction(targets: Target[], titles: { ok: string; partial: string }) {
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const [error, setError] = useState<MotifError | null>(null);
  const [outcomes, setOutcomes] = useState<TargetOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (send: () => Promise<Result<TargetOutcome[]>>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    const r = await send();
    await Promise.all([...new Set(targets.map((t) => t.rigId))].map((rigId) => refreshStatus(rigId)));
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
