import { Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Args, Res } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { ErrorNote } from '../../ui/ErrorNote';
import { parseTypedValue } from '../../ui/typed-value';
import { ActionResult } from '../../ui/ActionResult';
import { COMMON_PARAMETERS } from './camera-parameters';
import { readingFor, showValue } from './param-values';

/** Any camera parameter by name: read it, or set it to a typed value (number, true/false or text). */
export function OtherParamForm({
  onRead,
  onApply,
}: {
  onRead(names: string[]): Promise<Result<Res<'cameras.read'>>>;
  onApply(params: Args<'cameras.configure'>['params']): Promise<Result<TargetOutcome[]>>;
}) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [reading, setReading] = useState<string | null>(null);
  const [readError, setReadError] = useState<Result<never> | null>(null);
  const [applyResult, setApplyResult] = useState<Result<TargetOutcome[]> | null>(null);
  const trimmed = name.trim();
  const nameOk = trimmed !== '' && !trimmed.includes('/');

  const read = async () => {
    const r = await onRead([trimmed]);
    if (!r.ok) {
      setReadError(r);
      setReading(null);
      return;
    }
    setReadError(null);
    const values = readingFor(r.value, trimmed);
    setReading(
      values === undefined
        ? 'The rig did not report this parameter.'
        : Object.entries(values)
            .map(([serial, v]) => (serial ? `${serial}: ${showValue(v)}` : showValue(v)))
            .join(', '),
    );
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Autocomplete
          label="Parameter name"
          description="Any parameter the camera supports"
          data={COMMON_PARAMETERS.map((p) => p.name)}
          value={name}
          onChange={setName}
          w={260}
          error={trimmed.includes('/') ? 'Names cannot contain "/".' : undefined}
        />
        <TextInput label="Parameter value" description="Number, true/false, or text" value={value} onChange={(e) => setValue(e.currentTarget.value)} w={200} />
        <Button variant="default" disabled={!nameOk} onClick={() => void read()}>
          Read parameter
        </Button>
        <Button disabled={!nameOk || value.trim() === ''} onClick={async () => setApplyResult(await onApply({ [trimmed]: parseTypedValue(value) }))}>
          Set parameter
        </Button>
      </Group>
      {reading !== null && (
        <Text size="sm" data-testid="param-reading">
          {trimmed}: {reading}
        </Text>
      )}
      {readError && !readError.ok && <ErrorNote error={readError.error} />}
      <ActionResult result={applyResult} doneText="set" />
    </Stack>
  );
}
