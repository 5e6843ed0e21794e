import { Text } from '@mantine/core';
import type { MotifError } from '../../src-main/contract/errors';

/** A failure shown where it happened, in the words main gave it. */
export function ErrorNote({ error }: { error: MotifError }) {
  return (
    <Text role="alert" c="red" size="sm" data-code={error.code}>
      {error.message}
    </Text>
  );
}
