import { Button, Group, Loader, MultiSelect, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Protocol } from '../../../src-main/core/protocols/model';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { ApplyDialog } from './ApplyDialog';
import { draftErrors, protocolIssues, type DraftIssue } from './draft-errors';
import { withOptional } from './DoFields';
import { ExportMenu } from './ExportMenu';
import { ParameterFields } from './ParameterFields';
import { PlanView } from './PlanView';
import { RecordingBlockFields } from './RecordingBlockFields';
import { useLivePlan } from './use-live-plan';
import { WallClockActionFields } from './WallClockActionFields';

/**
 * Builds a protocol in a form: the model's own checks next to each field, the plan of the
 * next day or week below as soon as the draft is valid, save (replacing only when asked), apply.
 */
export function ProtocolEditor({ initial, saved, onClose }: { initial: Protocol; saved: boolean; onClose(): void }) {
  const call = useCall();
  const rigs = useAppStore((s) => s.rigs);
  const [draft, setDraft] = useState<Protocol>(initial);
  const [savedAs, setSavedAs] = useState<string | null>(saved ? initial.name : null);
  const [clash, setClash] = useState(false);
  const [saveError, setSaveError] = useState<MotifError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [days, setDays] = useState(1);
  const [planRigs, setPlanRigs] = useState<string[]>([]);
  const [applying, setApplying] = useState(false);

  const [saveIssues, setSaveIssues] = useState<DraftIssue[]>([]);

  const live = useLivePlan(draft, planRigs, days);
  const issues = live.issues.length > 0 ? live.issues : saveIssues;
  const errors = useMemo(() => draftErrors(issues), [issues]);
  /** The draft once the core found no problems with it. */
  const valid = live.checked === draft && live.issues.length === 0 && !live.busy ? draft : null;

  const edit = (next: Protocol) => {
    setDraft(next);
    setMessage(null);
    setClash(false);
    setSaveIssues([]);
  };
  const save = async (replace: boolean) => {
    // Saving again under the name it was opened with updates it; any other taken name is asked about.
    const r = await call('protocols.save', { protocol: draft, replace: replace || savedAs === draft.name });
    if (!r.ok) {
      if (r.error.code === 'already-exists') return setClash(true);
      const found = protocolIssues(r.error, ['protocol']);
      if (found) return setSaveIssues(found);
      return setSaveError(r.error);
    }
    setSaveError(null);
    setClash(false);
    setSavedAs(r.value.name);
    setMessage(`Saved "${r.value.name}".`);
  };

  return (
    <Stack gap="md" data-testid="protocol-editor">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {savedAs ? `Protocol ${savedAs}` : 'New protocol'}
        </Title>
        <Button variant="default" onClick={onClose}>
          Back to the list
        </Button>
      </Group>
      <Group gap="xs" align="flex-start">
        <TextInput label="Name" w={260} value={draft.name} onChange={(e) => edit({ ...draft, name: e.currentTarget.value })} error={errors.at(['name'])} />
        <Textarea
          label="Description"
          autosize
          minRows={1}
          style={{ flex: 1 }}
          value={draft.description ?? ''}
          onChange={(e) => edit(withOptional(draft, 'description', e.currentTarget.value))}
          error={errors.at(['description'])}
        />
      </Group>
      <Paper withBorder p="sm" component="section" aria-label="Parameters">
        <Title order={3} size="h5" mb="xs">
          Per-rig parameters
        </Title>
        <ParameterFields value={draft.parameters} onChange={(parameters) => edit({ ...draft, parameters })} errors={errors} />
      </Paper>
      <Title order={3} size="h5">
        Recordings
      </Title>
      {draft.recordings.map((b, i) => (
        <RecordingBlockFields
          key={i}
          index={i}
          value={b}
          onChange={(block) => edit({ ...draft, recordings: draft.recordings.map((x, j) => (j === i ? block : x)) })}
          onRemove={() => edit({ ...draft, recordings: draft.recordings.filter((_, j) => j !== i) })}
          errors={errors}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => edit({ ...draft, recordings: [...draft.recordings, { when: { times: ['09:00'] }, durationSeconds: 1800, actions: [] }] })}>
          Add recording
        </Button>
      </Group>
      <Title order={3} size="h5">
        Actions at times of day
      </Title>
      {draft.actions.map((a, i) => (
        <WallClockActionFields
          key={i}
          index={i}
          value={a}
          onChange={(action) => edit({ ...draft, actions: draft.actions.map((x, j) => (j === i ? action : x)) })}
          onRemove={() => edit({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}
          errors={errors}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => edit({ ...draft, actions: [...draft.actions, { when: { times: ['17:00'] }, do: { kind: 'copy' } }] })}>
          Add timed action
        </Button>
      </Group>

      {errors.all.length > 0 && (
        <Paper withBorder p="sm" aria-label="Problems">
          <Text size="sm" fw={600}>
            To fix before saving:
          </Text>
          {errors.all.map((p) => (
            <Text key={p} size="sm" c="red">
              {p}
            </Text>
          ))}
        </Paper>
      )}
      {saveError && <ErrorNote error={saveError} />}
      {clash && (
        <Paper withBorder p="sm" role="alert">
          <Text size="sm" mb="xs">
            A protocol named "{draft.name}" is already saved.
          </Text>
          <Button size="xs" color="red" onClick={() => void save(true)}>
            Replace the saved "{draft.name}"
          </Button>
        </Paper>
      )}
      {message && (
        <Text size="sm" role="status">
          {message}
        </Text>
      )}
      <Group gap="xs">
        <Button onClick={() => void save(false)}>
          Save
        </Button>
        <Button variant="default" disabled={!valid} onClick={() => setApplying(true)}>
          Apply / remove…
        </Button>
        {valid && <ExportMenu protocolRef={{ protocol: valid }} onError={setSaveError} />}
      </Group>

      <Paper withBorder p="sm" component="section" aria-label="Plan">
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <Title order={3} size="h5">
              Plan
            </Title>
            {live.busy && <Loader size="xs" aria-label="Planning" />}
          </Group>
          <Group gap="xs">
            <MultiSelect
              size="xs"
              w={260}
              placeholder="on rigs (none: parameter defaults)"
              aria-label="Plan on rigs"
              data={rigs.map((r) => ({ value: r.id, label: r.name }))}
              value={planRigs}
              onChange={setPlanRigs}
              searchable
            />
            <SegmentedControl
              size="xs"
              aria-label="Plan window"
              value={String(days)}
              onChange={(d) => setDays(Number(d))}
              data={[
                { value: '1', label: 'Next day' },
                { value: '7', label: 'Next week' },
              ]}
            />
          </Group>
        </Group>
        {live.issues.length > 0 && (
          <Text size="sm" c="dimmed">
            The plan appears once the protocol has no problems left.
          </Text>
        )}
        {live.error && <ErrorNote error={live.error} />}
        {live.plan && <PlanView lanes={live.plan.lanes} fromMs={live.plan.fromMs} untilMs={live.plan.untilMs} />}
      </Paper>
      {applying && valid && <ApplyDialog protocolRef={{ protocol: valid }} protocol={valid} onClose={() => setApplying(false)} />}
    </Stack>
  );
}
