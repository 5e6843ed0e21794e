import { matchPath, normalizeEndpoint, pathFor } from '../motif-api/operation-paths';
import type { OperationName, WireObject } from '../motif-api/operation-table';
import type { CompiledTask } from './compile';

/**
 * A task as the plan reads it: what it runs (the call path as the vendor's `call()` takes it
 * and its arguments), on which camera and output, and when. Built the same way from a
 * compiled task's creation call and from a task a rig lists, so both are planned alike.
 */
export interface PlanTask {
  name: string;
  cronExpression: string;
  cameraRelative: boolean;
  /** e.g. "recording/start", "camera/FAKE0/io/led/set", "recordings/copy_all". */
  action: string;
  /** The table's operation the task runs, when the table knows it. */
  operation: OperationName | null;
  serial?: string;
  output?: string;
  args: WireObject;
  source: 'protocol' | 'other';
}

const TASK_FIELDS = new Set(['task_name', 'cron_expression', 'camera_relative']);

/** `endpoint` is a creation path (`schedule/io/led/set`) or, as rigs list tasks, the call it runs. */
export function planTask(
  t: { name: string; endpoint: string; args: WireObject; cronExpression: string; cameraRelative: boolean },
  source: PlanTask['source'],
): PlanTask {
  const args: WireObject = Object.fromEntries(Object.entries(t.args).filter(([k]) => !TASK_FIELDS.has(k)));
  const base = { name: t.name, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative, source };
  const match = matchPath(t.endpoint);
  if (!match) return { ...base, action: normalizeEndpoint(t.endpoint).replace(/^schedule\//, ''), operation: null, args };
  const runs = match.spec.schedules?.operation as OperationName | undefined;
  const operation = runs ?? match.name;
  const serial = match.serial === undefined ? {} : { serial: match.serial };
  const output = operation === 'outputs.set' && match.params.name !== undefined ? { output: match.params.name } : {};
  // A scheduled configure/<name> with `value` runs configure with {<name>: value}.
  const runArgs = runs === 'cameras.configure' && match.params.name !== undefined && 'value' in args
    ? { [match.params.name]: args.value ?? null }
    : args;
  return { ...base, action: pathFor(operation, match.serial, match.params), operation, ...serial, ...output, args: runArgs };
}

export function planTaskOfCompiled(t: CompiledTask): PlanTask {
  return planTask({ name: t.name, endpoint: t.command.endpoint, args: t.command.args ?? {}, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative }, 'protocol');
}
