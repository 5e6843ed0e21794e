import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { fileNameProblem } from '../../../src-shared/file-name';
import { OutcomeList } from '../../ui/OutcomeList';
import { MetadataEditor } from './MetadataEditor';
import { rememberCodec } from './recent-codecs';
import { recordFormFromPreset, recordingOptionsFromForm, type RecordFormValues } from './record-form-model';
import { CodecField, DurationField, useCodecChoice } from './RecordingFields';
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
  const rigNames = useMemo(() => Object.fromEntries(rigs.map((r) => [r.id, r.name])), [rigs]);
  const codecs = useCodecChoice(targets);
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
                <CodecField value={values.codec} onChange={(codec) => patch({ codec })} choice={codecs} />
                <DurationField value={values.duration} onChange={(duration) => patch({ duration })} />
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
