import { z } from 'zod';
import type { WireValue } from '../python-json';
import { formatDurationWords } from '../../../src-shared/duration';
import { fileNameProblem } from '../../../src-shared/file-name';

/**
 * Every Motif endpoint, declared once: HTTP method, path in its all-cameras and
 * one-camera forms, wire body and result schemas, whether it may wait in the outbox,
 * whether it is a scheduled task (and whether `camera_relative` makes sense for it), and
 * the words a person reads for it. The client, the commands the operations layer sends,
 * the outbox policy, the words in the Outbox and Audit views, the CLI's endpoint list and
 * the contract's path-segment rules all derive from this table.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

// ---- wire values ------------------------------------------------------------------------

/** Any number, ±Infinity and NaN included: Python's json writes and reads them (zod's number refuses them). */
export const WireNumber = z.custom<number>((v) => typeof v === 'number', 'must be a number');
export const WireValueSchema: z.ZodType<WireValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), WireNumber, z.string(), z.array(WireValueSchema), z.record(z.string(), WireValueSchema)]),
);
export const WireObject = z.record(z.string(), WireValueSchema);
export type WireObject = z.infer<typeof WireObject>;
const NoBody = z.object({}).strict();
export type NoBody = z.infer<typeof NoBody>;
/**
 * An unknown field of an answer: parseWire made it from JSON text, so it is a WireValue
 * already. Checking it again, deeply, was most of the CPU a status read cost.
 */
const ParsedWireValue = z.custom<WireValue>(() => true);
/** Results keep unknown fields: a rig may send more than is documented. */
const open = <S extends z.ZodRawShape>(shape: S) => z.object(shape).catchall(ParsedWireValue);

/**
 * One path segment as Motif routes it: printable ASCII without space, slash, `?`, `#` or
 * `%`, and never `.` or `..` (which would name another endpoint once a URL is resolved).
 */
export const PathSegment = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .regex(/^[^/?#%\\]+$/, 'must not contain "/", "?", "#", "%" or "\\"')
  .refine((s) => s !== '.' && s !== '..', 'must not be "." or ".."');

/** A recording's file name, by the one rule for file names (see fileNameProblem). */
export const FileName = z.string().superRefine((name, ctx) => {
  const problem = fileNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

// ---- bodies -----------------------------------------------------------------------------

export const RecordingStartBody = z.object({
  codec: z.string().optional().describe("compression setting as named on the rig (e.g. high); the rig's default otherwise"),
  duration: z.number().positive().optional().describe('stop after this many seconds; until stopped otherwise'),
  filename: FileName.optional().describe('recording file name, without the timestamp'),
  metadata: WireObject.optional().describe('JSON object saved with the video'),
  record_to_store: z.boolean().optional().describe('record to an image store (--no-record-to-store: to a video file)'),
  codec_identifier: z.string().optional().describe('advanced: exact codec identifier'),
});
export type RecordingStartBody = z.infer<typeof RecordingStartBody>;
export const CopyAllBody = z.object({
  location: z.string().optional().describe("destination on the rig; the rig's configured one otherwise"),
  delete_after: z.boolean().optional().describe('delete the originals after a successful copy (a move)'),
  loopy_username: z.string().optional().describe('loopy user to import into'),
  loopy_url: z.string().optional().describe('loopy server to import into'),
  loopy_api_key: z.string().optional().describe('loopy API key'),
  loopy_import_base: z.string().optional().describe('loopy import folder'),
});
export type CopyAllBody = z.infer<typeof CopyAllBody>;
export const ExportAllBody = z.object({
  to_store: z.boolean().optional().describe('export to image stores (--no-to-store: to video files)'),
  codec: z.string().optional().describe('compression setting as named on the rig'),
  delete_after: z.boolean().optional().describe('delete the originals after a successful export'),
  path: z.string().optional().describe('destination on the rig'),
});
export type ExportAllBody = z.infer<typeof ExportAllBody>;
/** `Infinity` / `-Infinity` toggle a digital output (start high / start low). */
export const OutputSetBody = z.object({ value: WireNumber.describe('a number, inf (toggle, start high) or -inf (toggle, start low)') });
const DevicePortBody = z.union([z.object({ value: WireNumber }), z.object({ state: z.union([z.literal(0), z.literal(1)]) })]);
const MessageBody = z.object({ message: z.string().describe('the status line; empty clears it') });
export const TaskFields = z.object({
  task_name: PathSegment.meta({ flag: 'task', description: 'unique short name of the task' }),
  cron_expression: z.string().min(1).meta({ flag: 'cron', description: 'six or seven fields: second minute hour day month weekday [year]' }),
  camera_relative: z.boolean().optional().describe('read the expression relative to the start of recording (Motif 5+)'),
});
export type TaskFields = z.infer<typeof TaskFields>;
const TaskValueBody = TaskFields.extend({ value: WireValueSchema.describe('the value to set: JSON, inf or -inf, or text') });

// ---- results ----------------------------------------------------------------------------
// Read leniently: a documented field of an unexpected type reads as missing, never as a failure,
// because rigs differ across versions. Answers to commands are any JSON.

const maybe = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const StreamAddress = open({ host: maybe(z.string()), port: maybe(z.number()) });
export const CameraStatus = open({
  camera_info: maybe(
    open({
      serial: maybe(z.string()),
      /** Set while recording. */
      filename: maybe(z.string().nullable()),
      /** "pending" when about to record. */
      status: maybe(z.string()),
      stream: maybe(open({ image: maybe(StreamAddress), state: maybe(StreamAddress) })),
    }),
  ),
  playback_info: maybe(open({ status: maybe(z.string()) })),
});
export type CameraStatus = z.infer<typeof CameraStatus>;
const CameraSummary = open({ serial: maybe(z.string()), name: maybe(z.string()) });
export const CamerasResult = open({ cameras: maybe(z.array(z.union([CameraSummary, WireValueSchema]))) });
export type CamerasResult = z.infer<typeof CamerasResult>;
/** Any JSON: lists arrive bare, under a key, or keyed by camera serial. */
const AnyAnswer = WireValueSchema;

// ---- words ------------------------------------------------------------------------------

/** What `words` gets: the camera the call addresses (or none: all cameras), path parameters, body. */
export interface CallFacts {
  serial?: string;
  params: Record<string, string>;
  body: Record<string, unknown>;
}

/** Infinity is the toggle rule on the wire; say what it does. */
export function valueWords(v: unknown): string {
  if (v === Infinity) return 'toggle, start high';
  if (v === -Infinity) return 'toggle, start low';
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? String(v);
}
const cameraWords = (f: CallFacts) => (f.serial === undefined ? 'all cameras' : `camera ${f.serial}`);
/** " to 1": the value a call sets, or nothing when it is not known (words made without the call's body). */
const toValue = (v: unknown) => (v === undefined ? '' : ` to ${valueWords(v)}`);
function durationWords(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? formatDurationWords(v) : valueWords(v);
}
/** ", duration 30 min, codec high": the arguments a person checks, in the order given, those present only. */
function argWords(body: Record<string, unknown>, words: Record<string, (v: unknown) => string | null>): string {
  const said = Object.entries(words).flatMap(([k, say]) => {
    const w = body[k] === undefined || body[k] === null ? null : say(body[k]);
    return w ? [w] : [];
  });
  return said.length > 0 ? `, ${said.join(', ')}` : '';
}
const recordingWords = (body: Record<string, unknown>) =>
  argWords(body, {
    duration: (v) => `duration ${durationWords(v)}`,
    codec: (v) => `codec ${valueWords(v)}`,
    filename: (v) => `file name "${valueWords(v)}"`,
    record_to_store: (v) => (v === true ? 'to the store' : null),
    metadata: (v) => (v !== null && typeof v === 'object' && Object.keys(v).length > 0 ? `metadata ${pairs(v as Record<string, unknown>)}` : null),
  });
const pairs = (body: Record<string, unknown>) =>
  Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} = ${valueWords(v)}`)
    .join(', ');

// ---- the table --------------------------------------------------------------------------

/** How a change behaves when its rig is offline. */
export type Delivery = 'read' | 'queueable' | 'time-critical';

export interface OperationSpec<B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** `rig`: the whole rig (all cameras); `camera`: one camera, its serial as `<serial>`. */
  path: { rig?: string; camera?: string };
  body: B;
  result: R;
  /** Reads are GETs; a change may wait in the outbox only when its effect does not depend on when it arrives. */
  delivery: Delivery;
  /** Set on `schedule/...` creations: the operation the task runs, and whether it may be camera-relative. */
  schedules?: { operation: string; cameraRelative: boolean };
  summary: string;
  words: (facts: CallFacts) => string;
  /**
   * Its motifctl command. Path parameters become arguments, body fields options (or the
   * arguments named in `positional`); `switch` makes it an option of another command instead
   * (`configure --read <name>`).
   */
  cli?: { command: string; positional?: string[]; switch?: string; params?: Record<string, string> };
}

// `delivery` keeps its literal type, so the outbox's rules can be keyed by the queueable names.
const spec = <B extends z.ZodType, R extends z.ZodType, D extends Delivery>(s: OperationSpec<B, R> & { delivery: D }) => s;

/** `camera_relative` is honoured by the rig only for IO and configuration tasks (Motif 5). */
function scheduled<B extends z.ZodType>(
  operation: string,
  path: { rig?: string; camera?: string },
  body: B,
  cameraRelative: boolean,
  summary: string,
  cli: { command: string; positional?: string[]; params?: Record<string, string> },
) {
  return spec({
    cli,
    method: 'POST',
    path,
    body,
    result: AnyAnswer,
    delivery: 'queueable',
    schedules: { operation, cameraRelative },
    summary,
    words: (f) => {
      const { task_name, cron_expression, camera_relative: _r, ...rest } = f.body;
      const inner = wordsOf(operation, { serial: f.serial, params: f.params, body: rest });
      const when = typeof cron_expression === 'string' ? ` at "${cron_expression}"` : '';
      return `${typeof task_name === 'string' && task_name !== '' ? `Schedule task "${task_name}"` : 'Schedule a task'}: ${inner}${when}`;
    },
  });
}

export const OPERATIONS = {
  version: spec({
    method: 'GET', path: { rig: 'version' }, body: NoBody, result: WireObject, delivery: 'read',
    summary: 'software version', words: () => 'Read the software version',
  }),
  cameras: spec({
    method: 'GET', path: { rig: 'cameras' }, body: NoBody, result: CamerasResult, delivery: 'read',
    summary: 'connected cameras: serials and names', words: () => 'List the cameras',
  }),
  'camera.status': spec({
    method: 'GET', path: { camera: 'camera/<serial>' }, body: NoBody, result: CameraStatus, delivery: 'read',
    summary: 'status of one camera', words: (f) => `Read the status of ${cameraWords(f)}`,
  }),
  'cameras.configure': spec({
    method: 'PATCH', path: { rig: 'cameras/configure', camera: 'camera/<serial>/configure' }, body: WireObject,
    result: AnyAnswer, delivery: 'queueable', summary: 'set camera parameters (all cameras, or one)',
    words: (f) => {
      const named = f.params.name === undefined ? pairs(f.body) : f.body.value === undefined ? f.params.name : `${f.params.name} = ${valueWords(f.body.value)}`;
      return `Change camera parameters on ${cameraWords(f)}${named ? `: ${named}` : ''}`;
    },
    cli: { command: 'configure' },
  }),
  'cameras.read': spec({
    method: 'GET', path: { rig: 'cameras/read/<name>', camera: 'camera/<serial>/read/<name>' }, body: NoBody,
    result: AnyAnswer, delivery: 'read', summary: 'read a camera parameter (all cameras, or one)',
    words: (f) => `Read ${f.params.name} on ${cameraWords(f)}`,
    cli: { command: 'configure', switch: 'read' },
  }),
  'recording.start': spec({
    method: 'POST', path: { rig: 'recording/start', camera: 'camera/<serial>/recording/start' }, body: RecordingStartBody,
    result: AnyAnswer, delivery: 'time-critical', summary: 'start recording (all cameras, or one)',
    words: (f) => `Start recording on ${cameraWords(f)}${recordingWords(f.body)}`,
    cli: { command: 'record start' },
  }),
  'recording.stop': spec({
    method: 'POST', path: { rig: 'recording/stop', camera: 'camera/<serial>/recording/stop' }, body: NoBody,
    result: AnyAnswer, delivery: 'time-critical', summary: 'stop recording (all cameras, or one)',
    words: (f) => `Stop recording on ${cameraWords(f)}`,
    cli: { command: 'record stop' },
  }),
  'recordings.list': spec({
    method: 'GET', path: { rig: 'recordings', camera: 'camera/<serial>/recordings' }, body: NoBody, result: AnyAnswer,
    delivery: 'read', summary: 'recordings (all cameras, or one)', words: (f) => `List the recordings of ${cameraWords(f)}`,
    cli: { command: 'recordings list' },
  }),
  'recordings.copy': spec({
    method: 'POST', path: { rig: 'recordings/copy_all', camera: 'camera/<serial>/recordings/copy_all' }, body: CopyAllBody,
    result: AnyAnswer, delivery: 'time-critical', summary: 'copy (or move) finished recordings',
    words: (f) =>
      `${f.body.delete_after ? 'Move' : 'Copy'} recordings of ${cameraWords(f)}` +
      (typeof f.body.location === 'string' ? ` to ${f.body.location}` : ''),
    cli: { command: 'recordings copy' },
  }),
  'recordings.export': spec({
    method: 'POST', path: { rig: 'recordings/export_all', camera: 'camera/<serial>/recordings/export_all' },
    body: ExportAllBody, result: AnyAnswer, delivery: 'time-critical', summary: 'export image stores',
    words: (f) =>
      `Export recordings of ${cameraWords(f)}` +
      (typeof f.body.path === 'string' ? ` to ${f.body.path}` : '') +
      argWords(f.body, {
        codec: (v) => `codec ${valueWords(v)}`,
        to_store: (v) => (v === true ? 'into the store' : null),
        delete_after: (v) => (v === true ? 'deleting the originals' : null),
      }),
    cli: { command: 'recordings export' },
  }),
  'outputs.set': spec({
    method: 'POST', path: { rig: 'io/<name>/set', camera: 'camera/<serial>/io/<name>/set' }, body: OutputSetBody,
    result: AnyAnswer, delivery: 'time-critical', summary: "set a named output (on a camera's IO device with a serial)",
    words: (f) => `Set output ${f.params.name} on ${f.serial === undefined ? 'the rig' : cameraWords(f)}${toValue(f.body.value)}`,
    cli: { command: 'io set', positional: ['value'], params: { name: 'output name as configured on the rig' } },
  }),
  'outputs.setDevicePort': spec({
    method: 'POST', path: { rig: 'io/<io_serial>/<io_port>/set' }, body: DevicePortBody, result: AnyAnswer,
    delivery: 'time-critical', summary: 'set an output by device and port (deprecated)',
    words: (f) => `Set port ${f.params.io_port} of IO device ${f.params.io_serial}${toValue(f.body.value ?? f.body.state)}`,
  }),
  'outputs.log': spec({
    method: 'POST', path: { rig: 'io/log', camera: 'camera/<serial>/io/log' }, body: WireObject, result: AnyAnswer,
    delivery: 'time-critical', summary: "log key/values into the recording's extra data",
    words: (f) => `Log ${pairs(f.body)} into the recording`,
    cli: { command: 'io log' },
  }),
  'outputs.read': spec({
    method: 'GET', path: { rig: 'io/read', camera: 'camera/<serial>/io/read' }, body: NoBody, result: AnyAnswer,
    delivery: 'read', summary: 'read inputs', words: (f) => `Read the inputs of ${cameraWords(f)}`,
    cli: { command: 'io read' },
  }),
  'experiment.message': spec({
    method: 'POST', path: { rig: 'experiment/message', camera: 'camera/<serial>/experiment/message' }, body: MessageBody,
    result: AnyAnswer, delivery: 'time-critical', summary: "show a status line in the rig's web UI",
    words: (f) => (f.body.message ? `Show message "${valueWords(f.body.message)}"` : 'Clear the experiment message'),
    cli: { command: 'message', positional: ['message'] },
  }),
  schedule: spec({
    method: 'GET', path: { rig: 'schedule' }, body: NoBody, result: AnyAnswer, delivery: 'read',
    summary: "scheduled tasks and the rig's clock", words: () => 'List the scheduled tasks',
    cli: { command: 'schedule list' },
  }),
  'schedule.clearAll': spec({
    method: 'POST', path: { rig: 'schedule/clear' }, body: NoBody, result: AnyAnswer, delivery: 'queueable',
    summary: 'delete all scheduled tasks', words: () => 'Clear all scheduled tasks',
    cli: { command: 'schedule clear', switch: 'all' },
  }),
  'schedule.clearTask': spec({
    method: 'DELETE', path: { rig: 'schedule/<task_name>/clear' }, body: NoBody, result: AnyAnswer, delivery: 'queueable',
    summary: 'delete one scheduled task', words: (f) => `Clear scheduled task "${f.params.task_name}"`,
    cli: { command: 'schedule clear', params: { task_name: 'task name' } },
  }),
  'schedule.recording.start': scheduled(
    'recording.start',
    { rig: 'schedule/recording/start', camera: 'schedule/camera/<serial>/recording/start' },
    TaskFields.extend(RecordingStartBody.shape),
    false,
    'schedule a recording',
    { command: 'schedule add record' },
  ),
  'schedule.recordings.copy': scheduled(
    'recordings.copy',
    { rig: 'schedule/recordings/copy_all', camera: 'schedule/camera/<serial>/recordings/copy_all' },
    TaskFields.extend(CopyAllBody.shape),
    false,
    'schedule a copy of the recordings',
    { command: 'schedule add copy' },
  ),
  'schedule.recordings.export': scheduled(
    'recordings.export',
    { rig: 'schedule/recordings/export_all', camera: 'schedule/camera/<serial>/recordings/export_all' },
    TaskFields.extend(ExportAllBody.shape),
    false,
    'schedule an export of the recordings',
    { command: 'schedule add export' },
  ),
  'schedule.cameras.configure': scheduled(
    'cameras.configure',
    { rig: 'schedule/cameras/configure/<name>', camera: 'schedule/camera/<serial>/configure/<name>' },
    TaskValueBody,
    true,
    'schedule a camera parameter change',
    { command: 'schedule add configure', positional: ['value'], params: { name: 'camera parameter name, e.g. ExposureTime' } },
  ),
  'schedule.outputs.set': scheduled(
    'outputs.set',
    { rig: 'schedule/io/<name>/set', camera: 'schedule/camera/<serial>/io/<name>/set' },
    TaskValueBody,
    true,
    'schedule setting a named output',
    { command: 'schedule add io', positional: ['value'], params: { name: 'output name as configured on the rig' } },
  ),
  'multicam.synchronize': spec({
    method: 'POST', path: { rig: 'multicam/synchronize' }, body: NoBody, result: AnyAnswer, delivery: 'time-critical',
    summary: 'synchronize the cameras', words: () => 'Multi-camera: synchronize',
    cli: { command: 'multicam sync' },
  }),
  'multicam.connect': spec({
    method: 'POST', path: { rig: 'multicam/connect_camera/<serial>' }, body: NoBody, result: AnyAnswer,
    delivery: 'time-critical', summary: 'start a camera process (__all: every camera)',
    words: (f) => `Multi-camera: connect camera ${f.params.serial}`,
    cli: { command: 'multicam connect' },
  }),
  'multicam.disconnect': spec({
    method: 'POST', path: { rig: 'multicam/disconnect_camera/<serial>' }, body: NoBody, result: AnyAnswer,
    delivery: 'time-critical', summary: 'stop a camera process (__all: every camera)',
    words: (f) => `Multi-camera: disconnect camera ${f.params.serial}`,
    cli: { command: 'multicam disconnect' },
  }),
  'multicam.connectAll': spec({
    method: 'POST', path: { rig: 'multicam/connect_all' }, body: NoBody, result: AnyAnswer, delivery: 'time-critical',
    summary: 'start every camera process', words: () => 'Multi-camera: connect all',
    cli: { command: 'multicam connect-all' },
  }),
  'multicam.disconnectAll': spec({
    method: 'POST', path: { rig: 'multicam/disconnect_all' }, body: NoBody, result: AnyAnswer, delivery: 'time-critical',
    summary: 'stop every camera process', words: () => 'Multi-camera: disconnect all',
    cli: { command: 'multicam disconnect-all' },
  }),
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;
/** The operations that may wait in the outbox. */
export type QueueableName = { [N in OperationName]: (typeof OPERATIONS)[N]['delivery'] extends 'queueable' ? N : never }[OperationName];
export type BodyOf<N extends OperationName> = z.input<(typeof OPERATIONS)[N]['body']>;
export type ResultOf<N extends OperationName> = z.infer<(typeof OPERATIONS)[N]['result']>;

/** The table entry of a name, or undefined for a name the table does not have. */
export function operationSpec(name: string): OperationSpec | undefined {
  return Object.hasOwn(OPERATIONS, name) ? (OPERATIONS as Record<string, OperationSpec>)[name] : undefined;
}

function wordsOf(name: string, facts: CallFacts): string {
  return operationSpec(name)?.words(facts) ?? name;
}

/** Operations a task can be scheduled for, with whether the task may be camera-relative. */
export const SCHEDULABLE: Readonly<Record<string, { task: OperationName; cameraRelative: boolean }>> = Object.fromEntries(
  (Object.keys(OPERATIONS) as OperationName[]).flatMap((task) => {
    const s = (OPERATIONS[task] as OperationSpec).schedules;
    return s ? [[s.operation, { task, cameraRelative: s.cameraRelative }]] : [];
  }),
);
