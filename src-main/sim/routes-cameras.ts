/** version, cameras, camera status and parameters, recording, recordings and copy/export. */
import type { WireValue } from '../core/python-json';
import { type Args, optionalBoolean, optionalNumber, optionalObject, optionalString } from './args';
import type { JobKind } from './copy-export';
import { DISK_FULL_PERCENT, type RigModel } from './rig-model';
import type { RecordingRequest } from './recordings';
import { route, type Route } from './router';
import { badRequest, conflict } from './wire-errors';

export const SIM_VERSION = '5.2.0';

export function cameraRoutes(rig: RigModel): Route[] {
  const all = () => rig.serials;
  return [
    route('GET', 'version', () => ({ software: 'motif', version: SIM_VERSION, api_version: 1, simulated: true })),
    route('GET', 'cameras', () => ({ cameras: all().map((s) => cameraSummary(rig, s)) })),
    route('GET', 'cameras/read/:name', ({ name }) => ({
      parameter: name!,
      values: Object.fromEntries(all().map((s) => [s, rig.camera(s).read(name!)])),
    })),
    // Every camera checks values the same way, so a bad value fails on the first before any change.
    route('PATCH', 'cameras/configure', (_, args) => ({
      configured: Object.fromEntries(all().map((s) => [s, rig.camera(s).configure(args)])),
    })),
    route('GET', 'camera/:serial', ({ serial }) => cameraStatus(rig, serial!)),
    route('PATCH', 'camera/:serial/configure', ({ serial }, args) => ({
      serial: serial!,
      configured: rig.camera(serial!).configure(args),
    })),
    route('GET', 'camera/:serial/read/:name', ({ serial, name }) => ({
      serial: serial!,
      parameter: name!,
      value: rig.camera(serial!).read(name!),
    })),
    route('POST', 'recording/start', (_, args) => startRecording(rig, all(), args)),
    route('POST', 'camera/:serial/recording/start', ({ serial }, args) => startRecording(rig, [serial!], args)),
    route('POST', 'recording/stop', () => stopRecording(rig, all())),
    route('POST', 'camera/:serial/recording/stop', ({ serial }) => stopRecording(rig, [serial!])),
    route('GET', 'recordings', () => ({ recordings: listed(rig, all()) })),
    route('GET', 'camera/:serial/recordings', ({ serial }) => ({ recordings: listed(rig, [serial!]) })),
    route('POST', 'recordings/copy_all', (_, args) => startJobs(rig, all(), 'copy', args)),
    route('POST', 'camera/:serial/recordings/copy_all', ({ serial }, args) => startJobs(rig, [serial!], 'copy', args)),
    route('POST', 'recordings/export_all', (_, args) => startJobs(rig, all(), 'export', args)),
    route('POST', 'camera/:serial/recordings/export_all', ({ serial }, args) => startJobs(rig, [serial!], 'export', args)),
  ];
}

function cameraSummary(rig: RigModel, serial: string): Record<string, WireValue> {
  const cam = rig.camera(serial);
  return {
    serial,
    name: cam.name,
    model: 'Simulated camera',
    connected: cam.connected,
    status: rig.recordings.status(serial),
  };
}

export function cameraStatus(rig: RigModel, serial: string): Record<string, WireValue> {
  const cam = rig.camera(serial);
  const now = Date.now();
  const session = rig.recordings.session(serial);
  const status = rig.recordings.status(serial, now);
  const stream = rig.streamAddress(serial);
  const bank = rig.outputBank(serial);
  return {
    camera_info: {
      serial,
      name: cam.name,
      status,
      is_recording: status === 'recording',
      filename: session?.filename ?? null,
      path: session?.path ?? null,
      codec: session?.codec ?? null,
      recording_start: session ? session.startedAtMs / 1000 : null,
      recording_duration: session && status === 'recording' ? (now - session.startedAtMs) / 1000 : null,
      recording_limit: session?.durationSeconds ?? null,
      frame_number: cam.frameNumber(now),
      frame_time: now / 1000,
      fps: cam.fps,
      width: cam.params.Width ?? null,
      height: cam.params.Height ?? null,
      connected: cam.connected,
      codecs: rig.config.codecs,
      timezone: rig.config.timeZone,
      disk_used_percent: rig.diskUsedPercent,
      ...(stream ? { stream: { image: stream.image, state: stream.state } } : {}),
    },
    playback_info: rig.jobs.info(serial, now) as Record<string, WireValue>,
    io_info: { outputs: bank.values(), inputs: { ...bank.inputs } },
    experiment_info: { message: rig.cameraMessages.get(serial) ?? rig.experimentMessage },
  };
}

export function recordingRequest(rig: RigModel, args: Args): RecordingRequest {
  const codec = optionalString(args, 'codec') ?? rig.config.codecs[0] ?? 'high';
  if (!rig.config.codecs.includes(codec))
    throw badRequest(`unknown codec '${codec}' (configured codecs: ${rig.config.codecs.join(', ')})`);
  const durationSeconds = optionalNumber(args, 'duration');
  if (durationSeconds !== undefined && !(durationSeconds > 0 && Number.isFinite(durationSeconds)))
    throw badRequest(`duration must be a positive number of seconds, got ${String(durationSeconds)}`);
  const filename = optionalString(args, 'filename');
  const metadata = optionalObject(args, 'metadata');
  optionalString(args, 'codec_identifier');
  return {
    codec,
    recordToStore: optionalBoolean(args, 'record_to_store') ?? false,
    ...(filename ? { filename } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    ...(metadata ? { metadata } : {}),
  };
}

function startRecording(rig: RigModel, serials: string[], args: Args): WireValue {
  const cams = serials.map((s) => rig.camera(s));
  const req = recordingRequest(rig, args);
  if (rig.diskUsedPercent > DISK_FULL_PERCENT)
    throw conflict(`cannot record: the disk is ${rig.diskUsedPercent}% full (limit ${DISK_FULL_PERCENT}%)`);
  const offline = cams.filter((c) => !c.connected);
  if (offline.length > 0)
    throw conflict(`camera ${offline.map((c) => c.serial).join(', ')} is not connected; use multicam/connect_camera first`);
  const idle = cams.filter((c) => !rig.recordings.session(c.serial));
  if (idle.length === 0) throw conflict(`camera ${serials.join(', ')} is already recording`);
  const started = idle.map((c) => rig.recordings.start(c, req));
  return {
    status: 'pending',
    recordings: started.map((s) => ({ serial: s.serial, filename: s.filename, codec: s.codec, start: s.startedAtMs / 1000 })),
    ...(serials.length === 1 ? { filename: started[0]!.filename, serial: started[0]!.serial } : {}),
  };
}

function stopRecording(rig: RigModel, serials: string[]): WireValue {
  const cams = serials.map((s) => rig.camera(s));
  const stopped = cams.map((c) => rig.recordings.stop(c)).filter((f) => f !== undefined);
  return { stopped: stopped.map((f) => ({ serial: f.serial, filename: f.filename, duration: f.duration })) };
}

function listed(rig: RigModel, serials: string[]): WireValue[] {
  for (const s of serials) rig.camera(s);
  return rig.recordings.files
    .filter((f) => serials.includes(f.serial))
    .map((f) => ({ ...f }) as unknown as Record<string, WireValue>);
}

function startJobs(rig: RigModel, serials: string[], kind: JobKind, args: Args): WireValue {
  for (const s of serials) rig.camera(s);
  const busy = serials.filter((s) => rig.jobs.isBusy(s));
  if (busy.length > 0) throw conflict(`camera ${busy.join(', ')} is busy ${rig.jobs.status(busy[0]!)}; try again when it has finished`);
  const deleteAfter = optionalBoolean(args, 'delete_after') ?? false;
  const location = optionalString(args, kind === 'copy' ? 'location' : 'path');
  const codec = optionalString(args, 'codec');
  if (kind === 'copy') for (const k of ['loopy_username', 'loopy_url', 'loopy_api_key', 'loopy_import_base']) optionalString(args, k);
  else optionalBoolean(args, 'to_store');
  const jobs = serials.map((serial) => ({
    serial,
    ...rig.jobs.start(serial, { kind, deleteAfter, ...(location ? { location } : {}), ...(codec ? { codec } : {}) }),
  }));
  return {
    job: kind,
    delete_after: deleteAfter,
    cameras: jobs.map((j) => ({ serial: j.serial, files: j.files, estimated_seconds: j.estimatedSeconds })),
  };
}
