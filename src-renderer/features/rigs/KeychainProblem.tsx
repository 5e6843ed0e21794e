import { Alert, Button, Group } from '@mantine/core';
import type { MotifError } from '../../../src-main/contract/errors';

/** The keychain refused: say so, and let the user choose the session-only key explicitly. */
export function KeychainProblem({ error, busy, onSessionOnly }: { error: MotifError; busy: boolean; onSessionOnly(): void }) {
  return (
    <Alert color="orange" title="The system keychain is not available" role="alert">
      {error.message}
      <Group mt="sm">
        <Button size="xs" color="orange" loading={busy} onClick={onSessionOnly}>
          Keep the key for this session only
        </Button>
      </Group>
    </Alert>
  );
}
