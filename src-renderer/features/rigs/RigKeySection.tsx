import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { KeyStateText } from '../../ui/KeyStateText';
import { ApiKeyField } from './ApiKeyField';
import { KeychainProblem } from './KeychainProblem';
import { useKeyKeeping } from './use-key-keeping';

/** Where the rig's key is, and setting or forgetting it. The key goes straight to main. */
export function RigKeySection({ rig }: { rig: RigSummary }) {
  const rigRequest = useAppStore((s) => s.rigRequest);
  const [apiKey, setApiKey] = useState('');
  const { sessionOnly, setSessionOnly, keychainProblem } = useKeyKeeping();
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (onlyForSession: boolean) => {
    setBusy(true);
    setError(null);
    const r = await rigRequest('rigs.setKey', { rigId: rig.id, apiKey, sessionOnly: onlyForSession });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setApiKey('');
    notifications.show({ color: 'teal', title: 'Key saved', message: `${rig.name}: ${r.value.keyState === 'keychain' ? 'stored in the keychain' : 'kept for this session only'}.` });
  };
  const forget = async () => {
    setBusy(true);
    const r = await rigRequest('rigs.clearKey', { rigId: rig.id });
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  return (
    <Fieldset legend="API key">
      <Stack gap="xs">
        <Text size="sm">
          Now: <KeyStateText keyState={rig.keyState} />
        </Text>
        <ApiKeyField label="New API key" apiKey={apiKey} onApiKey={setApiKey} sessionOnly={sessionOnly} onSessionOnly={setSessionOnly} keychainProblem={keychainProblem} />
        {error?.code === 'keychain-unavailable' ? (
          <KeychainProblem error={error} busy={busy} onSessionOnly={() => void save(true)} />
        ) : (
          error && <ErrorNote error={error} />
        )}
        <Group gap="xs">
          <Button size="xs" disabled={apiKey.trim() === ''} loading={busy} onClick={() => void save(sessionOnly)}>
            Save key
          </Button>
          {(rig.keyState === 'keychain' || rig.keyState === 'session') && (
            <Button size="xs" variant="default" color="red" loading={busy} onClick={() => void forget()}>
              Forget key
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
