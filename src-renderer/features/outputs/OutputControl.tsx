import { Autocomplete, Button, Group, NumberInput, Slider, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { OutputValue } from '../../../src-main/contract/requests/operations';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { ActionResult } from '../../ui/ActionResult';

const describeValue = (v: OutputValue) =>
  v === 'toggle-start-high' ? 'toggling, started high' : v === 'toggle-start-low' ? 'toggling, started low' : `set to ${v}`;

/** An output's value as the rig reports it, in words. */
const valueWords = (v: number) => (v === 1 ? 'on (1)' : v === 0 ? 'off (0)' : `level ${v}`);

/**
 * A named output: a level (slider + number), on/off, or Motif's toggle rule; with its current
 * value as the rig last reported it (`current`, from the status poll).
 */
export function OutputControl({
  suggestions,
  current,
  onSet,
}: {
  suggestions: string[];
  /** Each output's value as the rig reports it; null while the rig's status is unknown. */
  current: Record<string, number> | null;
  onSet(name: string, value: OutputValue): Promise<Result<TargetOutcome[]>>;
}) {
  const [name, setName] = useState(suggestions[0] ?? 'led');
  const [level, setLevel] = useState(0.5);
  const [busy, setBusy] = useState(false);
  const levelLabelId = useId();
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const [lastValue, setLastValue] = useState<OutputValue | null>(null);

  const send = async (value: OutputValue) => {
    setBusy(true);
    setResult(null);
    setLastValue(value);
    setResult(await onSet(name.trim(), value));
    setBusy(false);
  };
  const nameOk = name.trim() !== '' && !name.includes('/');
  const now = current?.[name.trim()];
  const reported = current === null ? [] : Object.keys(current);
  // The rig lists its outputs and this name is not one: sending would only be refused.
  const offReason =
    nameOk && now === undefined && reported.length > 0 ? `The rig reports no output named ${name.trim()}: pick one of ${reported.join(', ')}.` : undefined;
  const off = !nameOk || busy || offReason !== undefined;
  // The rig does not report toggle mode: what this window last sent says it (until a plain value ends it).
  const toggling = lastValue !== null && typeof lastValue === 'string' && result?.ok === true && result.value.every((o) => o.ok);

  return (
    <Stack gap="sm">
      <Autocomplete
        label="Output name"
        description="As configured on the rig; names used before on this rig are suggested."
        data={suggestions}
        value={name}
        onChange={setName}
        w={280}
        error={name.includes('/') ? 'Names cannot contain "/".' : undefined}
      />
      <Text size="sm" data-testid="output-now" aria-live="polite">
        {current === null
          ? 'Current value unknown until the rig answers.'
          : now === undefined
            ? `The rig reports no output named ${name.trim() || '…'}${reported.length > 0 ? ` (it has ${reported.join(', ')})` : ''}.`
            : `Now: ${valueWords(now)}${toggling ? ', toggling (started from this window)' : ''}`}
      </Text>
      <Group align="flex-end" gap="md">
        <Stack gap={4} w={260} pb={8}>
          <Text size="sm" fw={500} id={levelLabelId}>
            Level
          </Text>
          <Slider
            aria-labelledby={levelLabelId}
            min={0}
            max={1}
            step={0.01}
            value={Math.min(1, Math.max(0, level))}
            onChange={setLevel}
            label={(v) => v.toFixed(2)}
          />
        </Stack>
        <NumberInput
          label="Output value"
                    value={level}
          onChange={(v) => setLevel(typeof v === 'number' ? v : Number(v) || 0)}
          decimalScale={3}
          step={0.1}
          w={160}
        />
        <Button onClick={() => void send(level)} disabled={off} title={offReason}>
          Set value
        </Button>
      </Group>
      <Group gap="sm">
        <Button variant="light" color="teal" onClick={() => void send(1)} disabled={off} title={offReason}>
          On (1)
        </Button>
        <Button variant="light" color="gray" onClick={() => void send(0)} disabled={off} title={offReason}>
          Off (0)
        </Button>
        <Button variant="outline" onClick={() => void send('toggle-start-high')} disabled={off} title={offReason}>
          Toggle, start high
        </Button>
        <Button variant="outline" onClick={() => void send('toggle-start-low')} disabled={off} title={offReason}>
          Toggle, start low
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Toggle makes the output alternate between its maximum and minimum each time it is triggered (for example by a
        scheduled task): "start high" switches to maximum first, "start low" to minimum first.
      </Text>
      <ActionResult result={result} doneText={lastValue === null ? 'done' : `${name.trim()} ${describeValue(lastValue)}`} />
    </Stack>
  );
}
