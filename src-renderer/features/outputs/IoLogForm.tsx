import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { JsonValue, TargetOutcome } from '../../../src-main/contract/requests/targets';
import { KeyValueEditor, type KeyValueRow } from '../../ui/KeyValueEditor';
import { parseTypedValue } from '../../ui/typed-value';
import { ActionResult } from '../../ui/ActionResult';

/** io/log: key/values written into the running recording's extra data with frame number and time. */
export function IoLogForm({ onLog }: { onLog(values: Record<string, JsonValue>): Promise<Result<TargetOutcome[]>> }) {
  const [rows, setRows] = useState<KeyValueRow[]>([{ key: '', value: '' }]);
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const [busy, setBusy] = useState(false);
  const filled = rows.filter((r) => r.key.trim() !== '');
  const badName = filled.some((r) => r.key.includes('/'));

  const submit = async () => {
    setBusy(true);
    setResult(await onLog(Object.fromEntries(filled.map((r) => [r.key.trim(), parseTypedValue(r.value)]))));
    setBusy(false);
  };
  return (
    <Stack gap="sm">
      <KeyValueEditor rows={rows} onChange={setRows} keyLabel="Log key" valueLabel="Log value" />
      <div>
        <Button onClick={() => void submit()} disabled={filled.length === 0 || badName || busy}>
          Write log entry
        </Button>
      </div>
      <ActionResult result={result} doneText="logged" />
    </Stack>
  );
}
