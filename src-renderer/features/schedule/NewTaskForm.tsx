import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Args } from '../../../src-main/contract/requests';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { useCodecChoice } from '../recording/RecordingFields';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { AddTaskResult, type Submission } from './AddTaskResult';
import { CronEditor } from './CronEditor';
import { OperationFields } from './OperationFields';
import { allowsCameraRelative, emptyOperation, toScheduledOperation, type OperationDraft } from './operation-draft';
import { presetEffect, type TaskRow } from './task-rows';

const TASK_NAME = /^[\w.-]+$/;
const sameArgs = (a: Args<'schedule.add'>, b: Args<'schedule.add'>) => JSON.stringify(a) === JSON.stringify(b);

/** Where a task goes: one rig (all cameras, or one picked in the form), or a selection made elsewhere. */
export type TaskDestination = { rigId: string; serials: string[] } | { targets: Target[] };

/** Create any scheduled operation on the rig (all cameras or one), or on many, with a checked cron expression. */
export function NewTaskForm({
  destination,
  timeZone,
  rigNow,
  outputSuggestions,
  tasks,
  waiting,
}: {
  destination: TaskDestination;
  timeZone: string;
  rigNow(): number | null;
  outputSuggestions: string[];
  /** The rig's listed tasks: a name among them is said to be taken before submitting. */
  tasks: ScheduledTask[];
  /** The rig's schedule changes waiting in the outbox: a task created there takes its name too. */
  waiting: TaskRow[];
}) {
  const addScheduledTask = useAppStore((s) => s.addScheduledTask);
  const [taskName, setTaskName] = useState('');
  const [serial, setSerial] = useState('');
  const [cameraRelative, setCameraRelative] = useState(false);
  const [expression, setExpression] = useState('');
  const [draft, setDraft] = useState<OperationDraft>(emptyOperation);
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [busy, setBusy] = useState(false);

  const relativeAllowed = allowsCameraRelative(draft.kind);
  const relative = relativeAllowed && cameraRelative;
  const targets = useMemo(
    () => ('targets' in destination ? destination.targets : [serial ? { rigId: destination.rigId, serial } : { rigId: destination.rigId }]),
    [destination, serial],
  );
  const codecs = useCodecChoice(targets);
  const operation = toScheduledOperation(draft, codecs.codecs);
  const nameProblem = taskName !== '' && !TASK_NAME.test(taskName) ? 'Use letters, digits, "_", "-" and "." only.' : undefined;
  const missing =
    taskName === '' ? 'Name the task.' : nameProblem ?? (expression.trim() === '' ? 'Write or pick a cron expression.' : typeof operation === 'string' ? operation : null);

  const existing = tasks.find((t) => t.name === taskName);
  const queued = waiting.find((w) => w.name === taskName && w.cronExpression !== null);

  /** Sends a task as it is now (captured: the result describes it, not what is typed later); a created task clears its name only, so a similar one is quick to add. */
  const send = async (args: Args<'schedule.add'>) => {
    setBusy(true);
    const result = await addScheduledTask(args);
    setSubmission({ args, result });
    setBusy(false);
    if (result.ok && result.value.length > 0 && result.value.every((o) => o.ok)) setTaskName('');
  };
  /** The task as the form stands, or null while something is missing. */
  const formArgs: Args<'schedule.add'> | null =
    missing !== null || typeof operation === 'string'
      ? null
      : {
          targets,
          taskName,
          cronExpression: expression.trim(),
          ...(relative ? { cameraRelative: true } : {}),
          operation,
        };
  // "Replace task" replaces with what was submitted: offered only while the form still says exactly that.
  const formUnchanged = submission !== null && formArgs !== null && !submission.args.replace && sameArgs(submission.args, formArgs);
  const submit = () => {
    if (formArgs !== null) void send(formArgs);
  };
  /** The submitted task again, with `replace`, to the rigs that have a task of that name. */
  const replace = () => {
    if (!submission?.result.ok || !formUnchanged) return;
    const taken = submission.result.value.flatMap((o) =>
      !o.ok && o.error.code === 'already-exists' ? [o.serial === undefined ? { rigId: o.rigId } : { rigId: o.rigId, serial: o.serial }] : [],
    );
    if (taken.length > 0) void send({ ...submission.args, targets: taken, replace: true });
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <TextInput
          label="Task name"
          description="Unique on the rig"
          value={taskName}
          onChange={(e) => setTaskName(e.currentTarget.value)}
          error={nameProblem}
          w={240}
        />
        {'serials' in destination && <CameraTargetSelect label="Cameras" serials={destination.serials} value={serial} onChange={setSerial} />}
      </Group>
      {existing && (
        <Text size="sm" c="orange" data-testid="name-taken">
          This rig already has a task named &quot;{existing.name}&quot; ({existing.words}
          {existing.cronExpression ? `, at "${existing.cronExpression}"` : ''}): scheduling asks before replacing it.
        </Text>
      )}
      {!existing && queued && (
        <Text size="sm" c="orange" data-testid="name-taken">
          A change waiting in the outbox creates a task named &quot;{queued.name}&quot; ({queued.words}): another task of that name replaces it
          when both are applied.
        </Text>
      )}
      <OperationFields value={draft} onChange={setDraft} outputSuggestions={outputSuggestions} codecs={codecs} />
      <div>
        <Checkbox
          label="Camera-relative"
          checked={relative}
          disabled={!relativeAllowed}
          onChange={(e) => setCameraRelative(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed" ml={30}>
          {relativeAllowed
            ? 'When ticked, times count from the start of each recording instead of the clock: minute 5 means five minutes after the recording starts, and "%2" in the seconds field means every 2 seconds from the start. The task runs only while recording.'
            : 'Recording, copy and export tasks always follow the rig\'s clock (the rig does not take camera-relative for them).'}
        </Text>
      </div>
      <CronEditor
        value={expression}
        onChange={setExpression}
        cameraRelative={relative}
        onPreset={(preset) => {
          const effect = presetEffect(preset, { cameraRelative: relative, relativeAllowed });
          if (effect.tickCameraRelative) setCameraRelative(true);
          if (effect.switchToOutput) setDraft({ ...draft, kind: 'outputs.set', outputMode: 'toggle-start-high' });
          return effect.note;
        }}
        timeZone={timeZone}
        rigNow={rigNow}
      />
      <Group>
        <Button onClick={submit} disabled={missing !== null || busy} loading={busy}>
          Schedule task
        </Button>
        {missing && (
          <Text size="sm" c="dimmed">
            {missing}
          </Text>
        )}
      </Group>
      <AddTaskResult submission={submission} busy={busy} onReplace={formUnchanged ? replace : null} />
    </Stack>
  );
}
