import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { ActionResult } from '../../ui/ActionResult';

type Level = Args<'outputs.setDevicePort'>['level'];

/** The deprecated io/<device>/<port>/set form, for rigs without named outputs. */
export function DevicePortForm({ onSet }: { onSet(ioSerial: string, ioPort: string, level: Level): Promise<Result<TargetOutcome[]>> }) {
  const [ioSerial, setIoSerial] = useState('-1');
  const [ioPort, setIoPort] = useState('');
  const [mode, setMode] = useState<'state' | 'value'>('state');
  const [state, setState] = useState<'0' | '1'>('1');
  const [value, setValue] = useState(0.5);
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const valid = ioSerial.trim() !== '' && ioPort.trim() !== '' && !`${ioSerial}${ioPort}`.includes('/');

  const submit = async () => {
    const level: Level = mode === 'state' ? { state: state === '1' ? 1 : 0 } : { value };
    setResult(await onSet(ioSerial.trim(), ioPort.trim(), level));
  };
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        Older Motif versions address outputs by IO device serial and port. Prefer named outputs above.
      </Text>
      <Group align="flex-end">
        <TextInput label="IO device serial" description="-1 = the first device" value={ioSerial} onChange={(e) => setIoSerial(e.currentTarget.value)} w={180} />
        <TextInput label="Port" value={ioPort} onChange={(e) => setIoPort(e.currentTarget.value)} w={120} />
        <SegmentedControl
          aria-label="Set by"
          value={mode}
          onChange={(v) => setMode(v === 'value' ? 'value' : 'state')}
          data={[
            { value: 'state', label: 'State (on/off)' },
            { value: 'value', label: 'Value' },
          ]}
        />
        {mode === 'state' ? (
          <SegmentedControl
            aria-label="State"
            value={state}
            onChange={(v) => setState(v === '0' ? '0' : '1')}
            data={[
              { value: '1', label: 'On (1)' },
              { value: '0', label: 'Off (0)' },
            ]}
          />
        ) : (
          <NumberInput label="Device value" value={value} onChange={(v) => setValue(typeof v === 'number' ? v : Number(v) || 0)} w={140} />
        )}
        <Button variant="default" onClick={() => void submit()} disabled={!valid}>
          Set device port
        </Button>
      </Group>
      <ActionResult result={result} />
    </Stack>
  );
}
