import type { z } from 'zod';
import type { CopyOptions, ExportOptions, OutputValue, RecordingOptions, ScheduledOperation } from '../../contract/requests/operations';
import { fillEndpoint, type EndpointTemplate, type PathParams, type WireObject } from '../motif-api/endpoint-table';
import type { WireValue } from '../python-json';

/**
 * One call to one rig, described before it is sent: the endpoint and its wire arguments.
 * Whether it may wait in the offline outbox is the outbox policy's decision (by endpoint).
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

/** The all-cameras endpoint, or its per-camera twin when a serial is given. */
function endpointFor<A extends EndpointTemplate, C extends EndpointTemplate>(
  all: A,
  camera: C,
  serial: string | undefined,
  params: Omit<PathParams<C>, 'serial'> & PathParams<A>,
): string {
  return serial === undefined
    ? fillEndpoint(all, params as PathParams<A>)
    : fillEndpoint(camera, { ...params, serial } as PathParams<C>);
}

export const recordingArgs = (o: RecordingOptions): WireObject =>
  compact({ codec: o.codec, duration: o.durationSeconds, filename: o.filename, record_to_store: o.recordToStore, metadata: o.metadata });
export const copyArgs = (o: z.infer<typeof CopyOptions>): WireObject =>
  compact({ location: o.location, delete_after: o.deleteAfter });
export const exportArgs = (o: z.infer<typeof ExportOptions>): WireObject =>
  compact({ to_store: o.toStore, codec: o.codec, delete_after: o.deleteAfter, path: o.path });

/** ±Infinity on the wire is Motif's toggle rule. */
export const outputWireValue = (v: OutputValue): number =>
  v === 'toggle-start-high' ? Infinity : v === 'toggle-start-low' ? -Infinity : v;

export function recordingStart(options: RecordingOptions, serial?: string): RigCommand {
  const endpoint = endpointFor('recording/start', 'camera/<serial>/recording/start', serial, {});
  return { endpoint, args: recordingArgs(options) };
}

export function recordingStop(serial?: string): RigCommand {
  return { endpoint: endpointFor('recording/stop', 'camera/<serial>/recording/stop', serial, {}) };
}

export function configure(params: WireObject, serial?: string): RigCommand {
  return { endpoint: endpointFor('cameras/configure', 'camera/<serial>/configure', serial, {}), args: params };
}

export function copyAll(options: z.infer<typeof CopyOptions>, serial?: string): RigCommand {
  const endpoint = endpointFor('recordings/copy_all', 'camera/<serial>/recordings/copy_all', serial, {});
  return { endpoint, args: copyArgs(options) };
}

export function exportAll(options: z.infer<typeof ExportOptions>, serial?: string): RigCommand {
  const endpoint = endpointFor('recordings/export_all', 'camera/<serial>/recordings/export_all', serial, {});
  return { endpoint, args: exportArgs(options) };
}

export function setOutput(name: string, value: OutputValue, serial?: string): RigCommand {
  const endpoint = endpointFor('io/<name>/set', 'camera/<serial>/io/<name>/set', serial, { name });
  return { endpoint, args: { value: outputWireValue(value) } };
}

/** The deprecated device/port form; `ioSerial` -1 means the first device. */
export function setDevicePort(ioSerial: string, ioPort: string, level: { value: number } | { state: 0 | 1 }): RigCommand {
  return { endpoint: fillEndpoint('io/<io_serial>/<io_port>/set', { io_serial: ioSerial, io_port: ioPort }), args: level };
}

export function logIo(values: WireObject, serial?: string): RigCommand {
  return { endpoint: endpointFor('io/log', 'camera/<serial>/io/log', serial, {}), args: values };
}

export function message(text: string, serial?: string): RigCommand {
  const endpoint = endpointFor('experiment/message', 'camera/<serial>/experiment/message', serial, {});
  return { endpoint, args: { message: text } };
}

export interface TaskSpec {
  taskName: string;
  cronExpression: string;
  cameraRelative?: boolean;
}

/** A `schedule/...` creation call. */
export function scheduleTask(task: TaskSpec, operation: ScheduledOperation, serial?: string): RigCommand {
  const taskArgs = compact({
    task_name: task.taskName,
    cron_expression: task.cronExpression,
    camera_relative: task.cameraRelative,
  });
  const withTask = (endpoint: string, args: WireObject): RigCommand => ({ endpoint, args: { ...taskArgs, ...args } });
  switch (operation.kind) {
    case 'recording.start':
      return withTask(
        endpointFor('schedule/recording/start', 'schedule/camera/<serial>/recording/start', serial, {}),
        recordingArgs(operation.options),
      );
    case 'recordings.copy':
      return withTask(
        endpointFor('schedule/recordings/copy_all', 'schedule/camera/<serial>/recordings/copy_all', serial, {}),
        copyArgs(operation.options),
      );
    case 'recordings.export':
      return withTask(
        endpointFor('schedule/recordings/export_all', 'schedule/camera/<serial>/recordings/export_all', serial, {}),
        exportArgs(operation.options),
      );
    case 'cameras.configure':
      return withTask(
        endpointFor('schedule/cameras/configure/<name>', 'schedule/camera/<serial>/configure/<name>', serial, { name: operation.name }),
        { value: operation.value },
      );
    case 'outputs.set':
      return withTask(
        endpointFor('schedule/io/<name>/set', 'schedule/camera/<serial>/io/<name>/set', serial, { name: operation.name }),
        { value: outputWireValue(operation.value) },
      );
  }
}

export function clearSchedule(taskName?: string): RigCommand {
  const endpoint = taskName === undefined ? 'schedule/clear' : fillEndpoint('schedule/<task_name>/clear', { task_name: taskName });
  return { endpoint };
}

/** Start or stop a camera process; serial '__all' means every camera. */
export function multicam(action: 'connect' | 'disconnect', serial: string): RigCommand {
  const endpoint =
    action === 'connect'
      ? fillEndpoint('multicam/connect_camera/<serial>', { serial })
      : fillEndpoint('multicam/disconnect_camera/<serial>', { serial });
  return { endpoint };
}

export const synchronize = (): RigCommand => ({ endpoint: 'multicam/synchronize' });
