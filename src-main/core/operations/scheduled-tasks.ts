import type { MotifError } from '../../contract/errors';
import type { ScheduleAddOutcome, ScheduledOperation, ScheduledTask, TaskNextRun } from '../../contract/requests/operations';
import type { Target } from '../../contract/requests/targets';
import { describe, formatInZone, next, parse, relativeOffsets } from '../cron';
import { toMotifError } from '../errors';
import { callInWords } from '../motif-api/call-words';
import { matchPath } from '../motif-api/operation-paths';
import { operationSpec } from '../motif-api/operation-table';
import type { WireValue } from '../python-json';
import * as cmd from './command-builders';
import { scheduledTasks } from './normalize';
import { runOnTargets, type OperationsDeps } from './run-on-targets';

/**
 * The rig's task list made checkable, and task creation that never replaces a task without
 * being asked: words from the operation table, next runs from the cron engine.
 */

type Obj = Record<string, WireValue>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const TASK_FIELDS = new Set(['task_name', 'cron_expression', 'camera_relative']);

/** The arguments a task runs with, as rigs list them (`args`, else `kwargs`). */
export function taskArgs(raw: Record<string, unknown>): Obj {
  const args = isObj(raw.args) ? raw.args : isObj(raw.kwargs) ? raw.kwargs : {};
  return Object.fromEntries(Object.entries(args).filter(([k]) => !TASK_FIELDS.has(k)));
}

/**
 * What a listed task runs, in the table's words with its arguments. Rigs list the command
 * (`camera/FAKE0/io/led/set`); a listing by the creation path (`schedule/...`) reads the same.
 */
export function taskWords(endpoint: string | undefined, args: Obj): string {
  if (endpoint === undefined) return 'The rig does not say what this task runs.';
  const match = matchPath(endpoint);
  const runs = match?.spec.schedules && operationSpec(match.spec.schedules.operation);
  if (match && runs) return runs.words({ serial: match.serial, params: match.params, body: args });
  return callInWords(endpoint, args);
}

/** What the expression means and when it runs next, on the rig's clock (`rigNowUnixSeconds`) in its zone. */
export function taskTiming(
  cronExpression: string | undefined,
  cameraRelative: boolean,
  rigNowUnixSeconds: number | null,
  timeZone: string | undefined,
): { cronWords?: string; nextRun: TaskNextRun } {
  if (cronExpression === undefined) return { nextRun: { kind: 'none', reason: 'The rig does not say when this task runs.' } };
  const parsed = parse(cronExpression);
  if (!parsed.ok) return { nextRun: { kind: 'none', reason: `Its expression cannot be read: ${parsed.error.message}` } };
  const cronWords = describe(parsed.value, { cameraRelative });
  if (cameraRelative) {
    const first = relativeOffsets(parsed.value, 1).offsets[0];
    return { cronWords, nextRun: { kind: 'after-start', firstOffsetSeconds: first ?? null } };
  }
  const from = new Date((rigNowUnixSeconds ?? Date.now() / 1000) * 1000);
  const found = next(parsed.value, from, 1, timeZone === undefined ? {} : { timeZone });
  const at = found.times[0];
  if (!at) return { cronWords, nextRun: { kind: 'none', reason: found.reason ?? 'It does not run again.' } };
  return { cronWords, nextRun: { kind: 'at', time: formatInZone(at, timeZone), unixSeconds: at.getTime() / 1000 } };
}

/** A rig's answer to `schedule`, each task with its words and next run. */
export function checkableTasks(answer: unknown, timeZone?: string): { rigNowUnixSeconds: number | null; tasks: ScheduledTask[] } {
  const listed = scheduledTasks(answer);
  return {
    rigNowUnixSeconds: listed.rigNowUnixSeconds,
    tasks: listed.tasks.map((t) => ({
      ...t,
      words: taskWords(t.endpoint, taskArgs(t.raw)),
      ...taskTiming(t.cronExpression, t.cameraRelative === true, listed.rigNowUnixSeconds, timeZone),
    })),
  };
}

/** "start recording on all cameras, duration 30 min, at "0 0 * * * *"": a listed task in one phrase. */
function taskPhrase(t: ScheduledTask): string {
  const words = t.words.charAt(0).toLowerCase() + t.words.slice(1);
  const when = t.cronExpression === undefined ? '' : `, at "${t.cronExpression}"${t.cameraRelative ? ' from each recording start' : ''}`;
  return `${words}${when}`;
}

export interface ScheduleAddArgs {
  targets: readonly Target[];
  taskName: string;
  cronExpression: string;
  cameraRelative?: boolean;
  operation: ScheduledOperation;
  replace?: boolean;
}

// The rig could not be asked now: the change may still go to the outbox.
const AWAY = new Set(['rig-unreachable', 'rig-timeout']);

/**
 * `schedule.add` on each target. A rig keeps one task per name and silently replaces it, so
 * the rig's list is read first: a taken name fails that target ('already-exists', the
 * existing task in words) unless `replace` is set.
 *
 * When the list cannot be read because the rig is away, the change still goes through the
 * outbox (queueing for offline rigs is the point of it) and its outcome says, in `note`, that
 * a task of the same name on the rig will be replaced when the change is applied: the name
 * cannot be checked now, and checking it at apply time would leave a queued change that
 * fails later with no one watching.
 */
export function addScheduledTask(deps: OperationsDeps, a: ScheduleAddArgs): Promise<ScheduleAddOutcome[]> {
  return addTaskChecked(deps, { targets: a.targets, taskName: a.taskName, replace: a.replace }, (t) => cmd.scheduleTask(a, a.operation, t.serial));
}

/**
 * The same check for any `schedule/...` creation, however it was built (`schedule.add` from
 * the window, `operations.run` from motifctl's `schedule add`).
 */
export async function addTaskChecked(
  deps: OperationsDeps,
  a: { targets: readonly Target[]; taskName: string; replace?: boolean | undefined },
  build: (t: Target) => cmd.RigCommand,
): Promise<ScheduleAddOutcome[]> {
  const firstOfRig = new Map<string, number>();
  a.targets.forEach((t, i) => {
    if (!firstOfRig.has(t.rigId)) firstOfRig.set(t.rigId, i);
  });

  return Promise.all(
    a.targets.map(async (target, i): Promise<ScheduleAddOutcome> => {
      const started = performance.now();
      const rigName = deps.rigName(target.rigId);
      const failed = (error: MotifError): ScheduleAddOutcome => ({
        rigId: target.rigId,
        rigName: rigName ?? target.rigId,
        ...(target.serial === undefined ? {} : { serial: target.serial }),
        ok: false,
        error,
        elapsedMs: Math.round(performance.now() - started),
      });
      const send = async (noteFor?: (delivery: 'sent' | 'queued') => string): Promise<ScheduleAddOutcome> => {
        const [outcome] = await runOnTargets(deps, [target], build);
        if (!outcome) return failed({ code: 'internal', message: 'No outcome for the task.' });
        const timed = { ...outcome, elapsedMs: Math.round(performance.now() - started) };
        return noteFor && outcome.ok ? { ...timed, note: noteFor(outcome.delivery) } : timed;
      };
      // Unknown rigs, and arguments the table refuses, are reported as every command reports them.
      if (rigName === undefined) return send();
      try {
        build(target);
      } catch (e) {
        return failed(toMotifError(e));
      }
      if (firstOfRig.get(target.rigId) !== i) {
        return failed({
          code: 'invalid-args',
          message: `${rigName} gets task "${a.taskName}" once: a rig keeps one task per name, so a second camera's task would replace the first. Give each camera's task its own name.`,
        });
      }
      if (a.replace) return send();

      let listed: ScheduledTask[];
      try {
        const client = await deps.clientFor(target.rigId);
        listed = checkableTasks(await client.invoke('schedule')).tasks;
      } catch (e) {
        const error = toMotifError(e);
        if (!AWAY.has(error.code) || !deps.submitChange) return failed(error);
        return send((delivery) =>
          delivery === 'queued'
            ? `The name could not be checked while ${rigName} is away: a task named "${a.taskName}" already on the rig is replaced when this change is applied.`
            : `${rigName}'s task list could not be read first, so the name was not checked: a task named "${a.taskName}" on the rig was replaced.`,
        );
      }
      const existing = listed.find((t) => t.name === a.taskName);
      if (existing) {
        return failed({
          code: 'already-exists',
          message: `${rigName} already has a task named "${a.taskName}" (${taskPhrase(existing)}): replace it, or choose another name.`,
          details: {
            taskName: a.taskName,
            existing: { words: existing.words, ...(existing.cronExpression === undefined ? {} : { cronExpression: existing.cronExpression }), cameraRelative: existing.cameraRelative === true },
          },
        });
      }
      return send();
    }),
  );
}
