import { Alert, Autocomplete, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { sameJson, useAppStore, useAppStoreEqual, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatDurationSeconds, parseDurationText } from '../../../src-shared/duration';
import { fileNameProblem } from '../../../src-shared/file-name';
import { OutcomeList } from '../../ui/OutcomeList';
import { MetadataEditor } from './MetadataEditor';
import { recentCodecs, rememberCodec } from './recent-codecs';
import { codecChoice, codecProblem, recordFormFromPreset, recordingOptionsFromForm, type RecordFormValues } from './record-form-model';
import { TargetSummary } from './TargetSummary';
import { RecordToStoreControl } from '../../ui/RecordToStoreControl';
import { useTargetAction } from './use-target-action';

/** Start recording on the given rigs/cameras with one set of options, prefilled from the first rig's preset. */
export function RecordDialog({ targets, onClose }: { targets: Target[]; onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const call = useCall();
  const targetRigs = useMemo(() => {
    const ids = new Set(targets.map((t) => t.rigId));
    return rigs.filter((r) => ids.has(r.id));
  }, [rigs, targets]);
  const presetRig = targetRigs[0];
  const presetsDiffer = targetRigs.some((r) => JSON.stringify(r.preset) !== JSON.stringify(presetRig?.preset));
  const [values, setValues] = useState<RecordFormValues>(() => recordFormFromPreset(presetRig?.preset));
  const [problem, setProblem] = useState<string | null>(null);
  const codecSuggestions = useMemo(
    () => [...new Set([...targetRigs.map((r) => r.preset.codec).filter((c): c is string => Boolean(c)), ...recentCodecs()])],
    [targetRigs],
  );
  const rigNames = useMemo(() => Object.fromEntries(rigs.map((r) => [r.id, r.name])), [rigs]);
  // The codecs the targets report, not their whole status: re-rendered when those change only.
  const codecs = useAppStoreEqual((s) => codecChoice(targets, s.statuses, rigNames), sameJson);
  const duration = values.duration.trim() === '' ? null : parseDurationText(values.duration);
  const patch = (p: Partial<RecordFormValues>) => setValues((v) => ({ ...v, ...p }));
  const { error, outcomes, busy, run } = useTargetAction({ ok: 'Recording started', partial: 'Recording did not start everywhere' });

  const start = async () => {
    const built = recordingOptionsFromForm(values, codecs.codecs);
    if (!built.ok) return setProblem(built.problem);
    setProblem(null);
    // One call for all targets, so every rig starts at once; never retried (a second start could double a recording).
    if (await run((progress) => call('recording.start', { targets, progress, options: built.options }))) rememberCodec(built.options.codec ?? '');
  };

  return (
    <Modal opened onClose={onClose} title="Start recording" size="lg">
      <Stack gap="sm">
        <TargetSummary targets={targets} rigNames={rigNames} />
        {outcomes ? (
          <>
            <OutcomeList outcomes={outcomes} label="Start results" waiting={busy} />
            <Group justify="flex-end">
              <Button onClick={onClose}>Close</Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <Stack gap="sm">
              {presetRig && (
                <Text size="xs" c="dimmed">
                  Starting from the preset of {presetRig.name}
                  {presetsDiffer ? ' (the selected rigs have different presets; these options go to all of them)' : ''}.
                </Text>
              )}
              <SimpleGrid cols={2}>
                {codecs.codecs ? (
                  <Select
                    label="Codec"
                    description={codecs.note ?? 'Configured on the rig; empty: its default'}
                    placeholder="The rig's default"
                    // A preset's codec the rig does not list stays visible, with the reason it cannot be used.
                    data={values.codec && !codecs.codecs.includes(values.codec) ? [...codecs.codecs, values.codec] : codecs.codecs}
                    value={values.codec || null}
                    onChange={(codec) => patch({ codec: codec ?? '' })}
                    error={codecProblem(values.codec, codecs.codecs)}
                    clearable
                  />
                ) : (
                  <Autocomplete label="Codec" description={codecs.note} data={codecSuggestions} value={values.codec} onChange={(codec) => patch({ codec })} />
                )}
                <TextInput
                  label="Duration"
                  description={duration?.ok ? `= ${formatDurationSeconds(duration.seconds)}` : 'Like 90 s, 30 min or 1h30m; empty: until stopped'}
                  placeholder="Until stopped"
                  value={values.duration}
                  onChange={(e) => patch({ duration: e.currentTarget.value })}
                  error={duration && !duration.ok ? duration.problem : null}
                />
              </SimpleGrid>
              <TextInput
                label="File name"
                description="Motif adds the date and time of the start itself"
                value={values.filename}
                onChange={(e) => patch({ filename: e.currentTarget.value })}
                error={fileNameProblem(values.filename)}
              />
              <RecordToStoreControl value={values.recordToStore} onChange={(recordToStore) => patch({ recordToStore })} />
              <MetadataEditor rows={values.metadata} onChange={(metadata) => patch({ metadata })} />
              {problem && (
                <Alert color="orange" role="alert">
                  {problem}
                </Alert>
              )}
              {error && <ErrorNote error={error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button type="submit" color="red" loading={busy}>
                  Start recording
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
