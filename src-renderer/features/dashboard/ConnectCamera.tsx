import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import { useCall } from '../../store/use-app-store';

/** "Connect" beside a disconnected camera: starts its camera process (Multicam's connect), then the next poll shows it. */
export function ConnectCamera({ rigId, serial, disabledReason }: { rigId: string; serial: string; disabledReason: string | null }) {
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MotifError | string | null>(null);
  const connect = async () => {
    setBusy(true);
    const r = await call('multicam.connect', { rigId, serial });
    setBusy(false);
    const failed = r.ok ? r.value.find((o) => !o.ok) : undefined;
    setError(!r.ok ? r.error : failed && !failed.ok ? failed.error.message : null);
  };
  return (
    <>
      {error && (
        <Text size="xs" c="red" role="alert">
          {typeof error === 'string' ? error : error.message}
        </Text>
      )}
      <Button
        size="compact-xs"
        variant="light"
        color="orange"
        loading={busy}
        disabled={disabledReason !== null}
        title={disabledReason ?? undefined}
        onClick={() => void connect()}
        aria-label={`Connect camera ${serial}`}
      >
        Connect
      </Button>
    </>
  );
}
