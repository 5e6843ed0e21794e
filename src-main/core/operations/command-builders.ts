import type { z } from 'zod';
import type { CopyOptions, ExportOptions, OutputValue, RecordingOptions, ScheduledOperation } from '../../contract/requests/operations';
import { CoreError } from '../errors';
import { parse as parseCron } from '../cron/parse';
import { checkBodySize } from '../motif-api/body-limit';
import { matchPath, pathFor, type PathParams } from '../motif-api/operation-paths';
import type { BodyOf, OperationName, WireObject } from '../motif-api/operation-table';
import { stringifyWire, type WireValue } from '../python-json';

/**
 * One call to one rig, described before it is sent: the endpoint and its wire arguments,
 * built from the operation table. Whether it may wait in the outbox is the table's fact.
 */
export interface RigCommand {
  endpoint: string;
  args?: WireObject;
}

const compact = (o: Record<string, WireValue | undefined>): WireObject => {
  const out: WireObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
};

/** The command for a table operation: path checked segment by segment, body checked against the table. */
export function rigCommand<N extends OperationName>(
  name: N,
  serial: string | undefined,
  body?: BodyOf<N>,
  params?: PathParams,
): RigCommand {
  return checkedCommand(name, serial, params ?? {}, body);
}

/** `rigCommand` for a name and body known only at run time (`operations.run`, the CLI). */
export function checkedCommand(name: OperationName, serial: string | undefined, params: PathParams, body: unknown): RigCommand {
  const endpoint = pathFor(name, serial, params);
  if (body === undefined) return checkCommand({ endpoint });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new CoreError('invalid-args', `Bad arguments for ${endpoint}: they must be named values.`);
  }
  return checkCommand({ endpoint, args: body as WireObject });
}

/**
 * The table's rules every command obeys, however it was built (typed builders, a name at
 * run time, or a raw path): a task may be camera-relative only where Motif honours it.
 */
export function checkCommand(command: RigCommand): RigCommand {
  const spec = matchPath(command.endpoint)?.spec;
  const checked = spec?.body.safeParse(command.args ?? {});
  if (checked && !checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new CoreError('invalid-args', `Bad arguments for ${command.endpoint} (${where}${issue?.message ?? 'not allowed'}).`);
  }
  // As the client will send it: no arguments, no body.
  if (command.args && Object.keys(command.args).length > 0) checkBodySize(command.endpoint, stringifyWire(command.args), command.args);
  const cron = command.args?.cron_expression;
  if (spec?.schedules && typeof cron === 'string') {
    // The rig's cron engine would refuse it (a year past 2099, say) only once it got there, or
    // after waiting in the outbox; this is the same dialect's parser.
    const parsed = parseCron(cron);
    if (!parsed.ok) throw new CoreError('invalid-args', `Bad cron expression "${parsed.error.text || cron}" for ${command.endpoint}: ${parsed.error.message}`);
  }
  if (spec?.schedules && command.args?.camera_relative === true && !spec.schedules.cameraRelative) {
    throw new CoreError(
      'invalid-args',
      'Only output and camera-parameter tasks can run relative to the recording start; Motif never runs a camera-relative ' +
        `task of ${spec.summary.replace(/^schedule /, '')}.`,
    );
  }
  return command;
}

// ---- the app's words for options -> the wire's argument names --------------------------

export const recordingArgs = (o: RecordingOptions): WireObject =>
  compact({ codec: o.codec, duration: o.durationSeconds, filename: o.filename, record_to_store: o.recordToStore, metadata: o.metadata });
export const copyArgs = (o: z.infer<typeof CopyOptions>): WireObject =>
  compact({ location: o.location, delete_after: o.deleteAfter });
export const exportArgs = (o: z.infer<typeof ExportOptions>): WireObject =>
  compact({ to_store: o.toStore, codec: o.codec, delete_after: o.deleteAfter, path: o.path });

/** ±Infinity on the wire is Motif's toggle rule. */
export const outputWireValue = (v: OutputValue): number =>
  v === 'toggle-start-high' ? Infinity : v === 'toggle-start-low' ? -Infinity : v;

// ---- one builder per request ------------------------------------------------------------

export const recordingStart = (options: RecordingOptions, serial?: string) =>
  rigCommand('recording.start', serial, recordingArgs(options));
export const recordingStop = (serial?: string) => rigCommand('recording.stop', serial);
export const configure = (params: WireObject, serial?: string) => rigCommand('cameras.configure', serial, params);
export const copyAll = (options: z.infer<typeof CopyOptions>, serial?: string) =>
  rigCommand('recordings.copy', serial, copyArgs(options));
export const exportAll = (options: z.infer<typeof ExportOptions>, serial?: string) =>
  rigCommand('recordings.export', serial, exportArgs(options));
export const setOutput = (name: string, value: OutputValue, serial?: string) =>
  rigCommand('outputs.set', serial, { value: outputWireValue(value) }, { name });
/** The deprecated device/port form; `ioSerial` -1 means the first device. */
export const setDevicePort = (ioSerial: string, ioPort: string, level: { value: number } | { state: 0 | 1 }) =>
  rigCommand('outputs.setDevicePort', undefined, level, { io_serial: ioSerial, io_port: ioPort });
export const logIo = (values: WireObject, serial?: string) => rigCommand('outputs.log', serial, values);
export const message = (text: string, serial?: string) => rigCommand('experiment.message', serial, { message: text });

export interface TaskSpec {
  taskName: string;
  cronExpression: string;
  cameraRelative?: boolean;
}

/** The table operation that schedules each kind of task, and its wire body. */
function scheduledBody(operation: ScheduledOperation): { name: OperationName; body: WireObject; params?: PathParams } {
  switch (operation.kind) {
    case 'recording.start':
      return { name: 'schedule.recording.start', body: recordingArgs(operation.options) };
    case 'recordings.copy':
      return { name: 'schedule.recordings.copy', body: copyArgs(operation.options) };
    case 'recordings.export':
      return { name: 'schedule.recordings.export', body: exportArgs(operation.options) };
    case 'cameras.configure':
      return { name: 'schedule.cameras.configure', body: { value: operation.value }, params: { name: operation.name } };
    case 'outputs.set':
      return { name: 'schedule.outputs.set', body: { value: outputWireValue(operation.value) }, params: { name: operation.name } };
  }
}

/** A `schedule/...` creation call. */
export function scheduleTask(task: TaskSpec, operation: ScheduledOperation, serial?: string): RigCommand {
  const { name, body, params } = scheduledBody(operation);
  const taskArgs = compact({ task_name: task.taskName, cron_expression: task.cronExpression, camera_relative: task.cameraRelative });
  return rigCommand(name, serial, { ...taskArgs, ...body } as BodyOf<typeof name>, params);
}

export const clearSchedule = (taskName?: string) =>
  taskName === undefined ? rigCommand('schedule.clearAll', undefined) : rigCommand('schedule.clearTask', undefined, undefined, { task_name: taskName });

/** Start or stop a camera process; serial '__all' means every camera. */
export const multicam = (action: 'connect' | 'disconnect', serial: string) =>
  rigCommand(action === 'connect' ? 'multicam.connect' : 'multicam.disconnect', undefined, undefined, { serial });

export const synchronize = () => rigCommand('multicam.synchronize', undefined);
