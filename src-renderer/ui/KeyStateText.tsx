import { Text } from '@mantine/core';
import type { KeyState } from '../../src-main/contract/requests/rigs';

const words: Record<KeyState, string> = {
  keychain: 'key stored in keychain',
  session: 'key for this session only',
  none: 'key not set',
  'keychain-unavailable': 'keychain unavailable: key unknown',
  checking: 'checking the keychain…',
};

/** Where a rig's API key is kept; the key itself never reaches the window. */
export function KeyStateText({ keyState }: { keyState: KeyState }) {
  return (
    <Text span size="xs" c={keyState === 'none' || keyState === 'keychain-unavailable' ? 'orange' : 'dimmed'} data-testid="key-state">
      {words[keyState]}
    </Text>
  );
}
