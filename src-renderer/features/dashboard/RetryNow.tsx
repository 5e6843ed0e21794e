import { Button } from '@mantine/core';
import { useState } from 'react';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { useAppStore } from '../../store/use-app-store';

/** For a rig that does not answer: ask it now rather than after the retry delay. */
export function RetryNow({ status, disabledReason }: { status: RigStatus | undefined; disabledReason: string | null }) {
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const [busy, setBusy] = useState(false);
  if (!status || status.state === 'online' || status.state === 'unknown') return null;
  const retry = async () => {
    setBusy(true);
    await refreshStatus(status.rigId);
    setBusy(false);
  };
  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={busy}
      disabled={disabledReason !== null}
      title={disabledReason ?? undefined}
      onClick={() => void retry()}
      aria-label={`Retry ${status.rigName} now`}
      // Beside a long message it keeps its width: the message wraps instead.
      style={{ flexShrink: 0 }}
    >
      retry now
    </Button>
  );
}
