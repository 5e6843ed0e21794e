import { ActionIcon, Button, Group, NumberInput, Paper, SegmentedControl, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDurationWords, parseDurationText } from '../../../src-shared/duration';
import { useAppStore } from '../../store/use-app-store';
import { CodecField, DurationField, useCodecChoice } from '../recording/RecordingFields';
import type { RecordingBlock, RelativeAction } from '../../../src-main/core/protocols/model';
import { KeyValueEditor, type KeyValueRow } from '../../ui/KeyValueEditor';
import { SecondsAfterStartInput } from '../../ui/SecondsAfterStartInput';
import { DoFields, withOptional, withValue } from './DoFields';
import { numberOf, shown, type DraftErrors, type Path } from './draft-errors';
import { WhenFields } from './WhenFields';

export type BlockInput = RecordingBlock;

/** One recording block: when, how long, how, on which cameras, and what happens during each recording. */
export function RecordingBlockFields({
  index,
  value,
  onChange,
  onRemove,
  errors,
}: {
  index: number;
  value: BlockInput;
  onChange(b: BlockInput): void;
  onRemove(): void;
  errors: DraftErrors;
}) {
  const path: Path = ['recordings', index];
  const [durationText, setDurationText] = useState(() => (Number.isFinite(value.durationSeconds) ? formatDurationWords(value.durationSeconds) : ''));
  // A protocol runs on many rigs: the codecs all of them have.
  const rigs = useAppStore((s) => s.rigs);
  const everyRig = useMemo(() => rigs.map((r) => ({ rigId: r.id })), [rigs]);
  const codecs = useCodecChoice(everyRig);
  const [metadata, setMetadata] = useState<KeyValueRow[]>(() => Object.entries(value.metadata ?? {}).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v) })));
  const set = (patch: Partial<BlockInput>) => onChange({ ...value, ...patch });
  const setAction = (i: number, a: RelativeAction) => set({ actions: value.actions.map((x, j) => (j === i ? a : x)) });
  const duplicateKey = metadata.find((r, i) => r.key !== '' && metadata.findIndex((o) => o.key === r.key) !== i)?.key;

  return (
    <Paper withBorder p="sm" component="section" aria-label={`Recording ${index + 1}`}>
      <Group justify="space-between" mb={4}>
        <Title order={4} size="h6">
          Recording {index + 1}
        </Title>
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
          Remove recording {index + 1}
        </Button>
      </Group>
      <Stack gap="xs">
        <WhenFields label={`Recording ${index + 1} starts`} value={value.when} onChange={(when) => set({ when })} path={[...path, 'when']} errors={errors} />
        <Group gap="xs" align="flex-end">
          <DurationField
            required
            w={200}
            value={durationText}
            onChange={(text) => {
              setDurationText(text);
              const read = text.trim() === '' ? null : parseDurationText(text);
              // Unreadable or empty: no number, so the draft is not valid until the field reads.
              set({ durationSeconds: read?.ok ? read.seconds : Number.NaN });
            }}
            error={errors.at([...path, 'durationSeconds'])}
          />
          <CodecField value={value.codec ?? ''} onChange={(codec) => onChange(withOptional(value, 'codec', codec))} choice={codecs} w={200} allowParameters />
          <TextInput label="File name" description="empty: rig's default" w={200} value={value.filename ?? ''} onChange={(e) => onChange(withOptional(value, 'filename', e.currentTarget.value))} />
          <TagsInput
            label="Cameras"
            description="serials; empty: all cameras"
            w={220}
            value={value.cameras ?? []}
            onChange={(cameras) => onChange(withValue(value, 'cameras', cameras.length === 0 ? undefined : cameras))}
          />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            Metadata
          </Text>
          <KeyValueEditor
            rows={metadata}
            keyLabel="Metadata name"
            valueLabel="Metadata value"
            onChange={(rows) => {
              setMetadata(rows);
              const named = rows.filter((r) => r.key !== '');
              onChange(withValue(value, 'metadata', named.length === 0 ? undefined : Object.fromEntries(named.map((r) => [r.key, r.value]))));
            }}
          />
          {duplicateKey !== undefined && (
            <Text size="sm" c="red">
              Metadata "{duplicateKey}" is named twice: only the last value is kept.
            </Text>
          )}
        </div>
        <Text size="sm" fw={500}>
          During each recording
        </Text>
        {value.actions.map((a, i) => (
          <RelativeActionFields key={i} value={a} onChange={(x) => setAction(i, x)} onRemove={() => set({ actions: value.actions.filter((_, j) => j !== i) })} path={[...path, 'actions', i]} errors={errors} n={i + 1} />
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => set({ actions: [...value.actions, { after: { every: 300, from: 300 }, do: { kind: 'output', output: '', value: 'toggle-start-high' } }] })}
          >
            Add action during the recording
          </Button>
        </Group>
        {errors.at(path) && (
          <Text size="sm" c="red">
            {errors.at(path)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** An action at seconds after each recording start: once, or repeated every N seconds until the recording ends. */
function RelativeActionFields({ value, onChange, onRemove, path, errors, n }: { value: RelativeAction; onChange(a: RelativeAction): void; onRemove(): void; path: Path; errors: DraftErrors; n: number }) {
  const after = value.after;
  const timing: Path = [...path, 'after'];
  return (
    <Paper withBorder p="xs" bg="var(--mantine-color-default-hover)" role="group" aria-label={`Action ${n}`}>
      <Group gap="xs" align="flex-start">
        <SegmentedControl
          mt={24}
          size="xs"
          aria-label={`Action ${n}: timing`}
          value={'at' in after ? 'once' : 'repeat'}
          data={[
            { value: 'once', label: 'Once' },
            { value: 'repeat', label: 'Repeat' },
          ]}
          onChange={(m) => onChange({ ...value, after: m === 'once' ? { at: 'from' in after ? after.from : 60 } : { every: 30, from: 'at' in after ? after.at : 60 } })}
        />
        {'at' in after ? (
          <SecondsAfterStartInput label="At (s after the start)" w={190} value={shown(after.at)} onChange={(v) => onChange({ ...value, after: { at: numberOf(v) } })} error={errors.at([...timing, 'at']) ?? errors.at(timing)} />
        ) : (
          <>
            <SecondsAfterStartInput label="From (s after the start)" w={190} value={shown(after.from)} onChange={(v) => onChange({ ...value, after: { ...after, from: numberOf(v) } })} error={errors.at([...timing, 'from'])} />
            <NumberInput label="Every (s)" w={110} min={2} value={shown(after.every)} onChange={(v) => onChange({ ...value, after: { ...after, every: numberOf(v) } })} error={errors.at([...timing, 'every']) ?? errors.at(timing)} />
          </>
        )}
        <DoFields
          value={value.do}
          kinds={['output', 'configure']}
          onChange={(d) => {
            if (d.kind === 'output' || d.kind === 'configure') onChange({ ...value, do: d });
          }}
          path={[...path, 'do']}
          errors={errors}
        />
        <ActionIcon mt={26} variant="subtle" color="gray" aria-label={`Remove action ${n}`} onClick={onRemove}>
          ✕
        </ActionIcon>
      </Group>
    </Paper>
  );
}
