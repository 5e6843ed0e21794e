import { Checkbox, PasswordInput, Stack } from '@mantine/core';

interface ApiKeyFieldProps {
  apiKey: string;
  onApiKey(key: string): void;
  sessionOnly: boolean;
  onSessionOnly(sessionOnly: boolean): void;
  label?: string;
}

/** The key lives in this input until it is handed to main; the store never sees it. */
export function ApiKeyField({ apiKey, onApiKey, sessionOnly, onSessionOnly, label = 'API key' }: ApiKeyFieldProps) {
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label}
        description="Run recnode-apikey on the rig to see it. Stored in this computer's keychain."
        value={apiKey}
        onChange={(e) => onApiKey(e.currentTarget.value)}
        autoComplete="off"
      />
      <Checkbox
        size="xs"
        label="Keep the key for this session only (not saved in the keychain)"
        checked={sessionOnly}
        onChange={(e) => onSessionOnly(e.currentTarget.checked)}
      />
    </Stack>
  );
}
