import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Res } from '../../../src-main/contract/requests';
import { ErrorNote } from '../../ui/ErrorNote';
import { ValueTable } from '../../ui/ValueTable';

/** Reads the rig's (or camera's) inputs on demand and shows them as a table. */
export function InputsReader({ onRead }: { onRead(): Promise<Result<Res<'outputs.read'>>> }) {
  const [result, setResult] = useState<Result<Res<'outputs.read'>> | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack gap="sm">
      <div>
        <Button
          variant="light"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setResult(await onRead());
            setBusy(false);
          }}
        >
          Read inputs
        </Button>
      </div>
      {result && !result.ok && <ErrorNote error={result.error} />}
      {result?.ok && <ValueTable values={result.value} label="Inputs" nameHeader="Input" />}
    </Stack>
  );
}
