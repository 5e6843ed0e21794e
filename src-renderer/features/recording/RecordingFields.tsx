import { Autocomplete, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { formatDurationSeconds, parseDurationText } from '../../../src-shared/duration';
import { sameJson, useAppStore, useAppStoreEqual } from '../../store/use-app-store';
import { recentCodecs } from './recent-codecs';
import { codecChoice, codecProblem, type CodecChoice } from './record-form-model';

/**
 * The codec and duration fields of the Record dialog, for every form that sets up a recording
 * (the Schedule form, a rig's preset, the protocol editor): the codec a choice of the rigs'
 * codecs, the duration written with units ("30 min", "1h30m").
 */

/** The codecs `targets` report (re-rendered only when those change), and what to suggest when none do. */
export function useCodecChoice(targets: readonly Target[]): CodecChoice & { suggestions: string[] } {
  const rigs = useAppStore((s) => s.rigs);
  const rigNames = useMemo(() => Object.fromEntries(rigs.map((r) => [r.id, r.name])), [rigs]);
  const choice = useAppStoreEqual((s) => codecChoice([...targets], s.statuses, rigNames), sameJson);
  const suggestions = useMemo(() => {
    const ids = new Set(targets.map((t) => t.rigId));
    const presets = rigs.filter((r) => ids.has(r.id)).flatMap((r) => (r.preset.codec ? [r.preset.codec] : []));
    return [...new Set([...presets, ...recentCodecs()])];
  }, [rigs, targets]);
  return { ...choice, suggestions };
}

/** A `{{name}}` of a protocol parameter: filled in per rig, so not checked against codecs here. */
const isParameter = (codec: string) => /^\{\{\w+\}\}$/.test(codec.trim());

export function CodecField({
  value,
  onChange,
  choice,
  label = 'Codec',
  w,
  allowParameters = false,
}: {
  value: string;
  onChange(codec: string): void;
  choice: CodecChoice & { suggestions: string[] };
  label?: string;
  w?: number;
  /** Takes a protocol parameter (`{{codec}}`) as well. */
  allowParameters?: boolean;
}) {
  if (choice.codecs) {
    const kept = value !== '' && !choice.codecs.includes(value);
    return (
      <Select
        label={label}
        description={choice.note ?? 'Configured on the rig; empty: its default'}
        placeholder="The rig's default"
        // A codec the rig does not list stays visible, with the reason it cannot be used.
        data={kept ? [...choice.codecs, value] : choice.codecs}
        value={value || null}
        onChange={(codec) => onChange(codec ?? '')}
        error={allowParameters && isParameter(value) ? null : codecProblem(value, choice.codecs)}
        clearable
        w={w}
      />
    );
  }
  return <Autocomplete label={label} description={choice.note} placeholder="The rig's default" data={choice.suggestions} value={value} onChange={onChange} w={w} />;
}

/** A duration as people write it; `required`: no "until stopped". */
export function DurationField({
  value,
  onChange,
  required = false,
  error,
  w,
}: {
  value: string;
  onChange(text: string): void;
  required?: boolean;
  /** Another check's sentence, shown when the text itself reads fine. */
  error?: string | undefined;
  w?: number;
}) {
  const duration = value.trim() === '' ? null : parseDurationText(value);
  const hint = required ? 'Like 90 s, 30 min or 1h30m' : 'Like 90 s, 30 min or 1h30m; empty: until stopped';
  return (
    <TextInput
      label="Duration"
      description={duration?.ok ? `= ${formatDurationSeconds(duration.seconds)}` : hint}
      placeholder={required ? '30 min' : 'Until stopped'}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={duration && !duration.ok ? duration.problem : required && duration === null ? 'Give how long each recording runs.' : error}
      w={w}
    />
  );
}
