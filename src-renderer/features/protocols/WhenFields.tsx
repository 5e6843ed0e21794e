import { Chip, Group, NumberInput, SegmentedControl, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { When } from '../../../src-main/core/protocols/model';
import { numberOf, shown, type DraftErrors, type Path } from './draft-errors';

type WhenInput = When;
type Weekday = NonNullable<When['days']>[number];
/** Typed by the model's days, so a day it adds or renames fails to compile here. */
const DAY_LABELS: Record<Weekday, string> = { sun: 'Sun', mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat' };
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** When something happens: at times of day, or every N hours/minutes (between two times); on days of the week or on dates. */
export function WhenFields({ value, onChange, path, errors, label }: { value: WhenInput; onChange(w: WhenInput): void; path: Path; errors: DraftErrors; label: string }) {
  const mode = value.every !== undefined ? 'every' : 'times';
  const minutes = value.every?.minutes;
  const [unit, setUnit] = useState<'hours' | 'minutes'>(minutes !== undefined && minutes % 60 === 0 ? 'hours' : 'minutes');
  const factor = unit === 'hours' ? 60 : 1;
  const set = (patch: Partial<WhenInput>) => {
    const next: WhenInput = { ...value, ...patch };
    for (const k of Object.keys(patch) as (keyof WhenInput)[]) if (patch[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          size="xs"
          value={mode}
          aria-label={`${label}: how`}
          data={[
            { value: 'times', label: 'At times of day' },
            { value: 'every', label: 'Every…' },
          ]}
          onChange={(m) => set(m === 'every' ? { times: undefined, every: { minutes: 60 } } : { every: undefined, between: undefined, times: ['09:00'] })}
        />
      </Group>
      {mode === 'times' ? (
        <TagsInput
          label="Times of day"
          description="HH:MM (24-hour clock); press Enter after each"
          value={value.times ?? []}
          onChange={(times) => set({ times })}
          error={errors.at([...path, 'times']) ?? firstIndexed(errors, [...path, 'times'], value.times?.length ?? 0)}
        />
      ) : (
        <Group gap="xs" align="flex-end">
          <NumberInput
            label="Every"
            w={110}
            min={1}
            value={shown(minutes === undefined ? undefined : minutes / factor)}
            onChange={(v) => set({ every: { minutes: numberOf(v) * factor } })}
            error={errors.at([...path, 'every', 'minutes'])}
          />
          <Select
            label="Unit"
            w={110}
            data={['hours', 'minutes']}
            value={unit}
            allowDeselect={false}
            onChange={(u) => {
              const next = u === 'hours' ? 'hours' : 'minutes';
              setUnit(next);
              if (minutes !== undefined) set({ every: { minutes: (minutes / factor) * (next === 'hours' ? 60 : 1) } });
            }}
          />
          <TextInput
            label="From"
            description="default 00:00"
            w={170}
            value={value.between?.from ?? ''}
            onChange={(e) => set({ between: betweenOf(e.currentTarget.value, value.between?.until ?? '') })}
            error={errors.at([...path, 'between', 'from'])}
          />
          <TextInput
            label="Until"
            description="default 23:59:59"
            w={170}
            value={value.between?.until ?? ''}
            onChange={(e) => set({ between: betweenOf(value.between?.from ?? '', e.currentTarget.value) })}
            error={errors.at([...path, 'between', 'until']) ?? errors.at([...path, 'between'])}
          />
        </Group>
      )}
      <div>
        <Text size="sm" fw={500}>
          Days of the week
        </Text>
        <Chip.Group multiple value={value.days ?? []} onChange={(days) => set({ days: days.length === 0 ? undefined : WEEKDAYS.filter((d) => days.includes(d)) })}>
          <Group gap={4}>
            {WEEKDAYS.map((d) => (
              <Chip key={d} value={d} size="xs">
                {DAY_LABELS[d]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Text size="xs" c={errors.at([...path, 'days']) ? 'red' : 'dimmed'}>
          {errors.at([...path, 'days']) ?? (value.days ? '' : 'None ticked: every day.')}
        </Text>
      </div>
      <TagsInput
        label="Only on dates"
        description="YYYY-MM-DD; leave empty to repeat"
        value={value.dates ?? []}
        onChange={(dates) => set({ dates: dates.length === 0 ? undefined : dates })}
        error={errors.at([...path, 'dates']) ?? firstIndexed(errors, [...path, 'dates'], value.dates?.length ?? 0)}
      />
      {errors.at(path) && (
        <Text size="sm" c="red">
          {errors.at(path)}
        </Text>
      )}
    </Stack>
  );
}

/** Both empty: no window (the whole day); one empty: the model names what is missing. */
const betweenOf = (from: string, until: string) => (from === '' && until === '' ? undefined : { from, until });

/** A list's item errors, said with the item they concern. */
export function firstIndexed(errors: DraftErrors, path: Path, length: number): string | undefined {
  for (let i = 0; i < length; i++) {
    const e = errors.at([...path, i]);
    if (e) return `item ${i + 1} ${e}`;
  }
  return undefined;
}
