import { Checkbox, PasswordInput, Stack } from '@mantine/core';

interface ApiKeyFieldProps {
  apiKey: string;
  onApiKey(key: string): void;
  sessionOnly: boolean;
  onSessionOnly(sessionOnly: boolean): void;
  /** Why the keychain cannot keep the key now; null when it answers. */
  keychainProblem: string | null;
  label?: string;
}

/** The key lives in this input until it is handed to main; the store never sees it. */
export function ApiKeyField({ apiKey, onApiKey, sessionOnly, onSessionOnly, keychainProblem, label = 'API key' }: ApiKeyFieldProps) {
  const kept =
    keychainProblem !== null
      ? "This computer's keychain is not available: the key is kept for this session only, and asked again after a restart."
      : sessionOnly
        ? 'Kept for this session only.'
        : "Stored in this computer's keychain.";
  return (
    <Stack gap={6}>
      <PasswordInput
        label={label}
        description={`Run recnode-apikey on the rig to see it. ${kept}`}
        value={apiKey}
        onChange={(e) => onApiKey(e.currentTarget.value)}
        autoComplete="off"
      />
      <Checkbox
        size="xs"
        label="Keep the key for this session only (not saved in the keychain)"
        checked={sessionOnly}
        onChange={(e) => onSessionOnly(e.currentTarget.checked)}
        title={keychainProblem ?? undefined}
      />
    </Stack>
  );
}
