import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { ActionResult } from '../../ui/ActionResult';
import { CronEditor } from './CronEditor';
import { OperationFields } from './OperationFields';
import { allowsCameraRelative, emptyOperation, toScheduledOperation, type OperationDraft } from './operation-draft';

const TASK_NAME = /^[\w.-]+$/;

/** Create any scheduled operation on the rig (all cameras or one) with a checked cron expression. */
export function NewTaskForm({
  rigId,
  serials,
  timeZone,
  rigNow,
  outputSuggestions,
}: {
  rigId: string;
  serials: string[];
  timeZone: string;
  rigNow(): number | null;
  outputSuggestions: string[];
}) {
  const addScheduledTask = useAppStore((s) => s.addScheduledTask);
  const [taskName, setTaskName] = useState('');
  const [serial, setSerial] = useState('');
  const [cameraRelative, setCameraRelative] = useState(false);
  const [expression, setExpression] = useState('');
  const [draft, setDraft] = useState<OperationDraft>(emptyOperation);
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const [busy, setBusy] = useState(false);

  const relativeAllowed = allowsCameraRelative(draft.kind);
  const relative = relativeAllowed && cameraRelative;
  const operation = toScheduledOperation(draft);
  const nameProblem = taskName !== '' && !TASK_NAME.test(taskName) ? 'Use letters, digits, "_", "-" and "." only.' : undefined;
  const missing =
    taskName === '' ? 'Name the task.' : nameProblem ?? (expression.trim() === '' ? 'Write or pick a cron expression.' : typeof operation === 'string' ? operation : null);

  const submit = async () => {
    if (missing !== null || typeof operation === 'string') return;
    setBusy(true);
    setResult(
      await addScheduledTask({
        targets: [serial ? { rigId, serial } : { rigId }],
        taskName,
        cronExpression: expression.trim(),
        ...(relative ? { cameraRelative: true } : {}),
        operation,
      }),
    );
    setBusy(false);
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <TextInput label="Task name" description="Unique on the rig" value={taskName} onChange={(e) => setTaskName(e.currentTarget.value)} error={nameProblem} w={240} />
        <CameraTargetSelect label="Cameras" serials={serials} value={serial} onChange={setSerial} />
      </Group>
      <OperationFields value={draft} onChange={setDraft} outputSuggestions={outputSuggestions} />
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
        onCameraRelativePreset={(on) => {
          setCameraRelative(on);
          if (on && !relativeAllowed) setDraft({ ...draft, kind: 'outputs.set', outputMode: 'toggle-start-high' });
        }}
        timeZone={timeZone}
        rigNow={rigNow}
      />
      <Group>
        <Button onClick={() => void submit()} disabled={missing !== null || busy} loading={busy}>
          Schedule task
        </Button>
        {missing && (
          <Text size="sm" c="dimmed">
            {missing}
          </Text>
        )}
      </Group>
      <ActionResult result={result} doneText={`task "${taskName}" scheduled`} />
    </Stack>
  );
}
