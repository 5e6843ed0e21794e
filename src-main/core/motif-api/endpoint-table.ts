import type { HttpMethod } from './endpoint-methods';
import type { WireValue } from '../python-json';

/**
 * Every endpoint of the wire document: `<param>` marks a path segment, `args` the JSON
 * body (keyword arguments of the vendor's `call(path, **kwargs)`), `result` the known
 * response fields. Results keep unknown fields: the rig may send more than is documented.
 */

export type WireObject = { [key: string]: WireValue };
export type NoArgs = Record<string, never>;

export type RecordingStartArgs = {
  codec?: string;
  /** Seconds; omitted means until stopped. */
  duration?: number;
  filename?: string;
  metadata?: WireObject;
  record_to_store?: boolean;
  codec_identifier?: string;
};
export type CopyAllArgs = {
  location?: string;
  delete_after?: boolean;
  loopy_username?: string;
  loopy_url?: string;
  loopy_api_key?: string;
  loopy_import_base?: string;
};
export type ExportAllArgs = { to_store?: boolean; codec?: string; delete_after?: boolean; path?: string };
/** `Infinity` / `-Infinity` toggle a digital output (start high / start low). */
export type OutputSetArgs = { value: number };
export type DeprecatedOutputSetArgs = { value: number } | { state: 0 | 1 };
export type ParameterValues = WireObject;
export type MessageArgs = { message: string };
export type ScheduleArgs = { task_name: string; cron_expression: string; camera_relative?: boolean };
export type ScheduleValueArgs = ScheduleArgs & { value: WireValue };

type Open<T> = T & { [key: string]: WireValue | undefined };
export type StreamAddress = Open<{ host?: string; port?: number }>;
export type CameraInfo = Open<{
  serial?: string;
  /** Set while recording. */
  filename?: string | null;
  /** "pending" when about to record. */
  status?: string;
  stream?: Open<{ image?: StreamAddress; state?: StreamAddress }>;
}>;
export type PlaybackInfo = Open<{ status?: string }>;
export type CameraStatus = Open<{ camera_info?: CameraInfo; playback_info?: PlaybackInfo }>;
export type CameraSummary = Open<{ serial: string; name?: string }>;
export type CamerasResult = Open<{ cameras?: CameraSummary[] }>;
/** The task list and `now`, the rig's clock in Unix seconds. */
export type ScheduleResult = Open<{ now?: number }>;

interface Endpoint<A, R> {
  args: A;
  result: R;
}

export interface EndpointTable {
  version: Endpoint<NoArgs, WireObject>;
  cameras: Endpoint<NoArgs, CamerasResult>;
  'cameras/configure': Endpoint<ParameterValues, WireObject>;
  'cameras/read/<name>': Endpoint<NoArgs, WireObject>;
  'camera/<serial>': Endpoint<NoArgs, CameraStatus>;
  'camera/<serial>/configure': Endpoint<ParameterValues, WireObject>;
  'camera/<serial>/read/<name>': Endpoint<NoArgs, WireObject>;
  'recording/start': Endpoint<RecordingStartArgs, WireObject>;
  'recording/stop': Endpoint<NoArgs, WireObject>;
  'camera/<serial>/recording/start': Endpoint<RecordingStartArgs, WireObject>;
  'camera/<serial>/recording/stop': Endpoint<NoArgs, WireObject>;
  recordings: Endpoint<NoArgs, WireObject>;
  'camera/<serial>/recordings': Endpoint<NoArgs, WireObject>;
  'recordings/copy_all': Endpoint<CopyAllArgs, WireObject>;
  'camera/<serial>/recordings/copy_all': Endpoint<CopyAllArgs, WireObject>;
  'recordings/export_all': Endpoint<ExportAllArgs, WireObject>;
  'camera/<serial>/recordings/export_all': Endpoint<ExportAllArgs, WireObject>;
  'io/<name>/set': Endpoint<OutputSetArgs, WireObject>;
  'camera/<serial>/io/<name>/set': Endpoint<OutputSetArgs, WireObject>;
  'io/<io_serial>/<io_port>/set': Endpoint<DeprecatedOutputSetArgs, WireObject>;
  'io/log': Endpoint<WireObject, WireObject>;
  'camera/<serial>/io/log': Endpoint<WireObject, WireObject>;
  'io/read': Endpoint<NoArgs, WireObject>;
  'camera/<serial>/io/read': Endpoint<NoArgs, WireObject>;
  'experiment/message': Endpoint<MessageArgs, WireObject>;
  'camera/<serial>/experiment/message': Endpoint<MessageArgs, WireObject>;
  schedule: Endpoint<NoArgs, ScheduleResult>;
  'schedule/clear': Endpoint<NoArgs, WireObject>;
  'schedule/<task_name>/clear': Endpoint<NoArgs, WireObject>;
  'schedule/recording/start': Endpoint<ScheduleArgs & RecordingStartArgs, WireObject>;
  'schedule/camera/<serial>/recording/start': Endpoint<ScheduleArgs & RecordingStartArgs, WireObject>;
  'schedule/recordings/copy_all': Endpoint<ScheduleArgs & CopyAllArgs, WireObject>;
  'schedule/camera/<serial>/recordings/copy_all': Endpoint<ScheduleArgs & CopyAllArgs, WireObject>;
  'schedule/recordings/export_all': Endpoint<ScheduleArgs & ExportAllArgs, WireObject>;
  'schedule/camera/<serial>/recordings/export_all': Endpoint<ScheduleArgs & ExportAllArgs, WireObject>;
  'schedule/cameras/configure/<name>': Endpoint<ScheduleValueArgs, WireObject>;
  'schedule/camera/<serial>/configure/<name>': Endpoint<ScheduleValueArgs, WireObject>;
  'schedule/io/<name>/set': Endpoint<ScheduleValueArgs, WireObject>;
  'schedule/camera/<serial>/io/<name>/set': Endpoint<ScheduleValueArgs, WireObject>;
  'multicam/synchronize': Endpoint<NoArgs, WireObject>;
  'multicam/connect_camera/<serial>': Endpoint<NoArgs, WireObject>;
  'multicam/disconnect_camera/<serial>': Endpoint<NoArgs, WireObject>;
  'multicam/connect_all': Endpoint<NoArgs, WireObject>;
  'multicam/disconnect_all': Endpoint<NoArgs, WireObject>;
}

export type EndpointTemplate = keyof EndpointTable;
export type ArgsOf<T extends EndpointTemplate> = EndpointTable[T]['args'];
export type ResultOf<T extends EndpointTemplate> = EndpointTable[T]['result'];

type ParamNames<T extends string> = T extends `${string}<${infer P}>${infer Rest}` ? P | ParamNames<Rest> : never;
/** `{serial: string, name: string}` for 'camera/<serial>/io/<name>/set'. */
export type PathParams<T extends string> = { [K in ParamNames<T>]: string };

/** Method and one-line meaning of each endpoint; `satisfies` keeps it in step with the type. */
export const ENDPOINTS = {
  version: { method: 'GET', summary: 'software version' },
  cameras: { method: 'GET', summary: 'connected cameras: serials and names' },
  'cameras/configure': { method: 'PATCH', summary: 'set camera parameters on every camera' },
  'cameras/read/<name>': { method: 'GET', summary: 'read a camera parameter on every camera' },
  'camera/<serial>': { method: 'GET', summary: 'status of one camera' },
  'camera/<serial>/configure': { method: 'PATCH', summary: 'set camera parameters' },
  'camera/<serial>/read/<name>': { method: 'GET', summary: 'read a camera parameter' },
  'recording/start': { method: 'POST', summary: 'start recording on all cameras' },
  'recording/stop': { method: 'POST', summary: 'stop recording on all cameras' },
  'camera/<serial>/recording/start': { method: 'POST', summary: 'start recording on one camera' },
  'camera/<serial>/recording/stop': { method: 'POST', summary: 'stop recording on one camera' },
  recordings: { method: 'GET', summary: 'recordings of all cameras' },
  'camera/<serial>/recordings': { method: 'GET', summary: 'recordings of one camera' },
  'recordings/copy_all': { method: 'POST', summary: 'copy (or move) finished recordings of all cameras' },
  'camera/<serial>/recordings/copy_all': { method: 'POST', summary: 'copy (or move) finished recordings of one camera' },
  'recordings/export_all': { method: 'POST', summary: 'export image stores of all cameras' },
  'camera/<serial>/recordings/export_all': { method: 'POST', summary: 'export image stores of one camera' },
  'io/<name>/set': { method: 'POST', summary: 'set a named output' },
  'camera/<serial>/io/<name>/set': { method: 'POST', summary: "set a named output on a camera's IO device" },
  'io/<io_serial>/<io_port>/set': { method: 'POST', summary: 'set an output by device and port (deprecated)' },
  'io/log': { method: 'POST', summary: "log key/values into the recording's extra data" },
  'camera/<serial>/io/log': { method: 'POST', summary: "log key/values into one camera's recording" },
  'io/read': { method: 'GET', summary: 'read inputs' },
  'camera/<serial>/io/read': { method: 'GET', summary: "read inputs of a camera's IO device" },
  'experiment/message': { method: 'POST', summary: "show a status line in the rig's web UI" },
  'camera/<serial>/experiment/message': { method: 'POST', summary: 'show a status line for one camera' },
  schedule: { method: 'GET', summary: "scheduled tasks and the rig's clock" },
  'schedule/clear': { method: 'POST', summary: 'delete all scheduled tasks' },
  'schedule/<task_name>/clear': { method: 'DELETE', summary: 'delete one scheduled task' },
  'schedule/recording/start': { method: 'POST', summary: 'schedule recording on all cameras' },
  'schedule/camera/<serial>/recording/start': { method: 'POST', summary: 'schedule recording on one camera' },
  'schedule/recordings/copy_all': { method: 'POST', summary: 'schedule a copy of all recordings' },
  'schedule/camera/<serial>/recordings/copy_all': { method: 'POST', summary: "schedule a copy of one camera's recordings" },
  'schedule/recordings/export_all': { method: 'POST', summary: 'schedule an export of all recordings' },
  'schedule/camera/<serial>/recordings/export_all': { method: 'POST', summary: "schedule an export of one camera's recordings" },
  'schedule/cameras/configure/<name>': { method: 'POST', summary: 'schedule a parameter change on all cameras' },
  'schedule/camera/<serial>/configure/<name>': { method: 'POST', summary: 'schedule a parameter change on one camera' },
  'schedule/io/<name>/set': { method: 'POST', summary: 'schedule setting a named output' },
  'schedule/camera/<serial>/io/<name>/set': { method: 'POST', summary: "schedule setting a camera's named output" },
  'multicam/synchronize': { method: 'POST', summary: 'synchronize the cameras' },
  'multicam/connect_camera/<serial>': { method: 'POST', summary: 'start a camera process (__all: every camera)' },
  'multicam/disconnect_camera/<serial>': { method: 'POST', summary: 'stop a camera process (__all: every camera)' },
  'multicam/connect_all': { method: 'POST', summary: 'start every camera process' },
  'multicam/disconnect_all': { method: 'POST', summary: 'stop every camera process' },
} as const satisfies Record<EndpointTemplate, { method: HttpMethod; summary: string }>;

// Same rule as the vendor's regular expressions: a segment has no space and no slash.
const SEGMENT = /^[^\s/?#]+$/;

/** The concrete path for a template: ('camera/<serial>', {serial: 'FAKE0'}) -> 'camera/FAKE0'. */
export function fillEndpoint<T extends EndpointTemplate>(template: T, params: PathParams<T>): string {
  const values = params as Record<string, string>;
  return template.replace(/<([a-z_]+)>/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined || !SEGMENT.test(value)) {
      throw new RangeError(
        `"${value ?? ''}" is not a valid ${name.replace('_', ' ')}: it must be non-empty, without spaces or slashes.`,
      );
    }
    return value;
  });
}
