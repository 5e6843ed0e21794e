import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Res } from '../../../src-main/contract/requests';
import { useCall } from '../../store/use-app-store';
import { CronHelpers } from './CronHelpers';
import { formatFireTime } from './rig-clock';
import { CRON_PRESETS, type CronPreset } from './task-rows';

type Explanation = Res<'cron.explain'>;
type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; explanation: Explanation } | { state: 'error'; message: string };

/**
 * The cron expression with its meaning checked as you type (debounced): the invalid field
 * and why, or the plain-English description and the next fire times on the rig's clock.
 */
export function CronEditor({
  value,
  onChange,
  cameraRelative,
  onPreset,
  timeZone,
  rigNow,
}: {
  value: string;
  onChange(expression: string): void;
  cameraRelative: boolean;
  /**
   * An example was picked (its expression is already passed to onChange): apply what else it
   * needs and return that in words, shown next to the examples; null when nothing else changed.
   */
  onPreset(preset: CronPreset): string | null;
  timeZone: string;
  /** The rig's clock now (Unix seconds), or null when unknown. */
  rigNow(): number | null;
}) {
  const call = useCall();
  const [debounced] = useDebouncedValue(value, 250);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  // What the last example changed besides the expression; shown while its expression stands.
  const [presetNote, setPresetNote] = useState<{ expression: string; text: string } | null>(null);

  useEffect(() => {
    if (debounced.trim() === '') {
      setCheck({ state: 'idle' });
      return;
    }
    let current = true;
    setCheck({ state: 'checking' });
    const now = rigNow();
    void call('cron.explain', {
      expression: debounced.trim(),
      cameraRelative,
      timeZone,
      count: 5,
      ...(now === null ? {} : { from: new Date(now * 1000).toISOString() }),
    }).then((r) => {
      if (!current) return;
      setCheck(r.ok ? { state: 'done', explanation: r.value } : { state: 'error', message: r.error.message });
    });
    return () => {
      current = false;
    };
    // rigNow is read at check time on purpose: a new function identity must not re-check.
  }, [debounced, cameraRelative, timeZone, call]);

  const invalid = check.state === 'done' && !check.explanation.valid ? check.explanation : null;
  return (
    <Stack gap="xs">
      <TextInput
        label="Cron expression"
        description="second minute hour day-of-month month day-of-week [year]"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={invalid ? `${invalid.field ? `${invalid.field} field` : 'Expression'}${invalid.text ? ` "${invalid.text}"` : ''}: ${invalid.message}` : undefined}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        spellCheck={false}
        autoComplete="off"
        w={420}
      />
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          Examples:
        </Text>
        {CRON_PRESETS.map((p) => (
          <Button
            key={p.expression}
            size="compact-xs"
            variant="light"
            onClick={() => {
              onChange(p.expression);
              const text = onPreset(p);
              setPresetNote(text === null ? null : { expression: p.expression, text });
            }}
          >
            {p.label}
          </Button>
        ))}
        {presetNote && presetNote.expression === value && (
          <Text size="xs" c="orange" role="status" data-testid="preset-note">
            {presetNote.text}
          </Text>
        )}
      </Group>
      <CronHelpers cameraRelative={cameraRelative} timeZone={timeZone} rigNow={rigNow} onExpression={onChange} />
      <CronMeaning check={check} cameraRelative={cameraRelative} timeZone={timeZone} />
    </Stack>
  );
}

function CronMeaning({ check, cameraRelative, timeZone }: { check: Check; cameraRelative: boolean; timeZone: string }) {
  if (check.state === 'idle') return null;
  if (check.state === 'checking') return <Text size="sm" c="dimmed">Checking…</Text>;
  if (check.state === 'error') return <Alert color="red" title="Could not check the expression">{check.message}</Alert>;
  const e = check.explanation;
  if (!e.valid) return null; // shown on the field itself
  return (
    <Alert color="teal" title="Meaning" data-testid="cron-meaning">
      <Text size="sm" data-testid="cron-description">
        {e.description}
      </Text>
      <Text size="sm" mt="xs" fw={500}>
        {cameraRelative ? 'Next runs, counted from the recording start:' : `Next runs (rig time, ${timeZone}):`}
      </Text>
      <List size="sm" aria-label="Next fire times">
        {e.next.map((t) => (
          <List.Item key={t}>{cameraRelative ? t : formatFireTime(t, timeZone)}</List.Item>
        ))}
      </List>
      {e.exhaustedReason && (
        <Text size="sm" c="orange">
          {e.exhaustedReason}
        </Text>
      )}
    </Alert>
  );
}
