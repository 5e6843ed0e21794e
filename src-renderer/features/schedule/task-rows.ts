import type { Args } from '../../../src-main/contract/requests';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import type { OutboxEntry } from '../../../src-main/contract/requests/outbox';
import { formatDurationSeconds } from '../../../src-shared/duration';
import { OPERATION_LABELS } from './operation-draft';
import { formatFireTime } from './rig-clock';

/** One line of the task table: a task on the rig, or a change for it still waiting in the outbox. */
export interface TaskRow {
  key: string;
  name: string;
  /** What it runs, with its arguments. */
  words: string;
  cronExpression: string | null;
  cronWords: string | null;
  cameraRelative: boolean;
  nextRun: string;
  /** Set for outbox entries: pending or sending (waiting), failed (the rig refused it). */
  waiting: OutboxEntry['state'] | null;
}

/** When a listed task runs next, on the rig's wall clock, or after each recording start. */
export function nextRunWords(task: ScheduledTask, timeZone: string): string {
  const n = task.nextRun;
  if (!n) return '—';
  if (n.kind === 'at') return formatFireTime(n.time, timeZone);
  if (n.kind === 'none') return n.reason;
  if (n.firstOffsetSeconds === null) return 'after each recording start (never fires)';
  return `after each recording start (first +${formatDurationSeconds(n.firstOffsetSeconds, { alwaysHours: true })})`;
}

export function taskRow(task: ScheduledTask, timeZone: string): TaskRow {
  return {
    key: `task:${task.name}`,
    name: task.name,
    words: task.words,
    cronExpression: task.cronExpression ?? null,
    cronWords: task.cronWords ?? null,
    cameraRelative: task.cameraRelative === true,
    nextRun: nextRunWords(task, timeZone),
    waiting: null,
  };
}

/** The rig's `schedule/...` changes in the outbox (not yet applied), as rows of its task table. */
export function waitingRows(entries: readonly OutboxEntry[], rigId: string): TaskRow[] {
  return entries
    .filter((e) => e.rigId === rigId && e.endpoint.startsWith('schedule/') && e.state !== 'applied')
    .map((e) => {
      const clearOne = /^schedule\/([^/]+)\/clear$/.exec(e.endpoint);
      const name =
        typeof e.args.task_name === 'string' ? e.args.task_name : clearOne ? clearOne[1]! : e.endpoint === 'schedule/clear' ? '(all tasks)' : '—';
      return {
        key: `outbox:${e.id}`,
        name,
        words: e.words,
        cronExpression: typeof e.args.cron_expression === 'string' ? e.args.cron_expression : null,
        cronWords: null,
        cameraRelative: e.args.camera_relative === true,
        nextRun: e.state === 'failed' ? `refused by the rig: ${e.error?.message ?? 'no reason given'}` : 'when the rig is back',
        waiting: e.state,
      };
    });
}

/** "start recording, at "0 0 * * * *"": a submitted task in words, kept with its result. */
export function submittedTaskWords(args: Pick<Args<'schedule.add'>, 'operation' | 'cronExpression' | 'cameraRelative'>): string {
  const op = args.operation;
  const label = OPERATION_LABELS[op.kind].toLowerCase();
  const what =
    op.kind === 'outputs.set'
      ? `${label} ${op.name} to ${op.value === 'toggle-start-high' ? 'toggle, start high' : op.value === 'toggle-start-low' ? 'toggle, start low' : op.value}`
      : op.kind === 'cameras.configure'
        ? `${label}: ${op.name} = ${String(op.value)}`
        : label;
  return `${what}, at "${args.cronExpression}"${args.cameraRelative ? ' from each recording start' : ''}`;
}

/** A cron example chip: whether it needs camera-relative on (or leaves it as it is). */
export interface CronPreset {
  label: string;
  expression: string;
  cameraRelative: boolean;
}

/** Examples; `cameraRelative`: the example counts from the recording start (the others leave the box as it is). */
export const CRON_PRESETS: readonly CronPreset[] = [
  { label: 'Every hour on the hour', expression: '0 0 * * * *', cameraRelative: false },
  { label: 'Every 5 minutes', expression: '0 */5 * * * *', cameraRelative: false },
  { label: 'Every 2 s from recording start', expression: '%2 * * ? * * *', cameraRelative: true },
];

/**
 * What clicking an example does besides writing its expression, said next to the chip. A
 * wall-clock example leaves Camera-relative as it is; the camera-relative example ticks it,
 * and switches to an output task when the chosen operation cannot count from the start.
 */
export function presetEffect(
  preset: CronPreset,
  form: { cameraRelative: boolean; relativeAllowed: boolean },
): { tickCameraRelative: boolean; switchToOutput: boolean; note: string | null } {
  if (!preset.cameraRelative) {
    return {
      tickCameraRelative: false,
      switchToOutput: false,
      note: form.cameraRelative && form.relativeAllowed ? 'Camera-relative stays ticked: these times count from each recording start.' : null,
    };
  }
  if (form.cameraRelative && form.relativeAllowed) return { tickCameraRelative: false, switchToOutput: false, note: null };
  const switchToOutput = !form.relativeAllowed;
  return {
    tickCameraRelative: true,
    switchToOutput,
    note:
      'Camera-relative is now ticked: this example counts from each recording start.' +
      (switchToOutput
        ? ` The operation is now "${OPERATION_LABELS['outputs.set']}" (toggle, start high): recording, copy and export tasks cannot count from the recording start.`
        : ''),
  };
}
