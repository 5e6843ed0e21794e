/** Turning a rig's wire answers into the status the app shows: tolerant of missing and unknown fields. */
import type { CameraStatusView } from '../../contract/requests/status';
import { isCopyingStatus, isExportingStatus } from '../motif-api/camera-state';
import type { CameraStatus, CamerasResult, WireObject } from '../motif-api/operation-table';

export interface CameraListing {
  serial: string;
  name: string | null;
}

export function readCameraList(result: CamerasResult): CameraListing[] {
  const listed = Array.isArray(result.cameras) ? result.cameras : [];
  return listed.flatMap((c) =>
    c !== null && typeof c === 'object' && !Array.isArray(c) && typeof c.serial === 'string'
      ? [{ serial: c.serial, name: typeof c.name === 'string' ? c.name : null }]
      : [],
  );
}

/** The version string of a `version` answer: its `version` field, else the whole object compactly. */
export function readVersion(result: WireObject): string | null {
  const v = result.version;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return Object.keys(result).length > 0 ? JSON.stringify(result) : null;
}

// The time-zone field is undocumented (wire notes): these are the names seen or likely.
const TIME_ZONE_FIELDS = ['timezone', 'time_zone', 'tz'];

export function readCameraStatus(listing: CameraListing, status: CameraStatus, checkedAtMs: number): CameraStatusView {
  const info: WireObject = isObject(status.camera_info) ? status.camera_info : {};
  const playback = isObject(status.playback_info) ? status.playback_info : {};
  const io = isObject(status.io_info) ? status.io_info : {};
  const filename = typeof info.filename === 'string' && info.filename !== '' ? info.filename : null;
  const pending = info.status === 'pending';
  const state = filename && !pending ? 'recording' : pending ? 'pending' : 'idle';
  const playbackStatus = typeof playback.status === 'string' && playback.status !== '' && playback.status !== 'idle'
    ? playback.status
    : null;
  return {
    serial: listing.serial,
    name: typeof info.name === 'string' ? info.name : listing.name,
    connected: typeof info.connected === 'boolean' ? info.connected : null,
    state,
    recording: filename || pending ? readRecording(info, filename, checkedAtMs) : null,
    playbackStatus,
    playbackProgress: playbackStatus !== null && finite(playback.progress) !== null
      ? Math.round(finite(playback.progress)! * 100) / 100
      : null,
    copying: isCopyingStatus(status),
    exporting: isExportingStatus(status),
    timeZone: firstString(info, TIME_ZONE_FIELDS),
    diskUsedPercent: finite(info.disk_used_percent),
    outputs: readOutputs(io.outputs),
    ...readCodecs(info),
    error: null,
  };
}

function readRecording(info: WireObject, filename: string | null, checkedAtMs: number): CameraStatusView['recording'] {
  const startSeconds = finite(info.recording_start);
  const durationSeconds = finite(info.recording_limit) ?? finite(info.duration);
  const elapsedSeconds = finite(info.recording_duration)
    ?? (startSeconds !== null ? Math.max(0, checkedAtMs / 1000 - startSeconds) : null);
  return {
    filename,
    startedAtMs: startSeconds !== null ? Math.round(startSeconds * 1000) : null,
    durationSeconds,
    elapsedSeconds: elapsedSeconds !== null ? round1(elapsedSeconds) : null,
    remainingSeconds: durationSeconds !== null && elapsedSeconds !== null ? round1(Math.max(0, durationSeconds - elapsedSeconds)) : null,
  };
}

/** Output values as numbers (a boolean output reads 1 or 0); anything else is left out. */
function readOutputs(outputs: unknown): Record<string, number> {
  if (!isObject(outputs)) return {};
  const read: Record<string, number> = {};
  for (const [name, v] of Object.entries(outputs)) {
    const value = typeof v === 'boolean' ? Number(v) : finite(v);
    if (value !== null) read[name] = value;
  }
  return read;
}

/** `camera_info.codecs` (an undocumented field): the codec names a recording may ask for. */
function readCodecs(info: WireObject): { codecs?: string[] } {
  if (!Array.isArray(info.codecs)) return {};
  // Once each: the window offers them as the options of one list.
  const codecs = [...new Set(info.codecs.filter((c): c is string => typeof c === 'string' && c !== ''))];
  return codecs.length > 0 ? { codecs } : {};
}

/** `schedule.now` (Unix seconds) against the local clock at the middle of the request. */
export function readClockOffsetMs(result: unknown, sentAtMs: number, receivedAtMs: number): number | null {
  const now = isObject(result) ? finite(result.now) : null;
  if (now === null) return null;
  return Math.round(now * 1000 - (sentAtMs + receivedAtMs) / 2);
}

function isObject(v: unknown): v is WireObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function firstString(o: WireObject, names: string[]): string | null {
  for (const n of names) if (typeof o[n] === 'string' && o[n] !== '') return o[n];
  return null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
