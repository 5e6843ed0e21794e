/** Recording sessions per camera: pending phase, auto-stop, and the list of finished files. */
import type { WireValue } from '../core/python-json';
import type { SimCamera } from './camera';

/** How long a camera reports "pending" before it records. */
export const PENDING_MS = 200;
const VIDEO_DIR = '/home/motif/Videos';

export interface RecordingRequest {
  codec: string;
  filename?: string;
  durationSeconds?: number;
  metadata?: Record<string, WireValue>;
  recordToStore: boolean;
}

export interface RecordingSession {
  serial: string;
  filename: string;
  path: string;
  codec: string;
  isStore: boolean;
  metadata: Record<string, WireValue>;
  requestedAtMs: number;
  startedAtMs: number;
  durationSeconds?: number;
  startFrame: number;
}

export interface RecordingFile {
  serial: string;
  filename: string;
  path: string;
  codec: string;
  is_store: boolean;
  metadata: Record<string, WireValue>;
  start_time: number;
  end_time: number;
  duration: number;
  frames: number;
  size: number;
  copied: boolean;
  exported: boolean;
  copied_to?: string;
  exported_path?: string;
}

export interface RecordingEvents {
  started(serial: string, startedAtMs: number): void;
  stopped(serial: string): void;
}

export class Recordings {
  private sessions = new Map<string, RecordingSession>();
  private timers = new Map<string, NodeJS.Timeout[]>();
  files: RecordingFile[] = [];

  constructor(private readonly events: RecordingEvents) {}

  session(serial: string): RecordingSession | undefined {
    return this.sessions.get(serial);
  }

  status(serial: string, nowMs = Date.now()): 'idle' | 'pending' | 'recording' {
    const s = this.sessions.get(serial);
    if (!s) return 'idle';
    return nowMs < s.startedAtMs ? 'pending' : 'recording';
  }

  start(camera: SimCamera, req: RecordingRequest): RecordingSession {
    const now = Date.now();
    const startedAtMs = now + PENDING_MS;
    const base = (req.filename ?? 'motif').replace(/[^\w.-]+/g, '_');
    const filename = `${base}_${camera.serial}_${stamp(new Date(startedAtMs))}${req.recordToStore ? '' : '.mp4'}`;
    const session: RecordingSession = {
      serial: camera.serial,
      filename,
      path: `${VIDEO_DIR}/${filename}`,
      codec: req.codec,
      isStore: req.recordToStore,
      metadata: req.metadata ?? {},
      requestedAtMs: now,
      startedAtMs,
      durationSeconds: req.durationSeconds,
      startFrame: camera.frameNumber(startedAtMs),
    };
    this.sessions.set(camera.serial, session);
    const timers = [setTimeout(() => this.events.started(camera.serial, startedAtMs), PENDING_MS)];
    if (req.durationSeconds !== undefined) {
      const stopAt = PENDING_MS + req.durationSeconds * 1000;
      timers.push(setTimeout(() => this.stop(camera), stopAt));
    }
    this.timers.set(camera.serial, timers);
    return session;
  }

  /** Ends the session and lists its file; returns undefined when the camera was idle. */
  stop(camera: SimCamera): RecordingFile | undefined {
    const s = this.sessions.get(camera.serial);
    if (!s) return undefined;
    this.clearTimers(camera.serial);
    this.sessions.delete(camera.serial);
    const endMs = Math.max(Date.now(), s.startedAtMs);
    const durationSeconds = (endMs - s.startedAtMs) / 1000;
    const frames = Math.max(0, camera.frameNumber(endMs) - s.startFrame);
    const file: RecordingFile = {
      serial: s.serial,
      filename: s.filename,
      path: s.path,
      codec: s.codec,
      is_store: s.isStore,
      metadata: s.metadata,
      start_time: s.startedAtMs / 1000,
      end_time: endMs / 1000,
      duration: durationSeconds,
      frames,
      size: estimateSizeBytes(camera, frames, s.isStore),
      copied: false,
      exported: false,
    };
    this.files.push(file);
    this.events.stopped(camera.serial);
    return file;
  }

  filesOf(serial: string): RecordingFile[] {
    return this.files.filter((f) => f.serial === serial);
  }

  remove(file: RecordingFile): void {
    this.files = this.files.filter((f) => f !== file);
  }

  reset(): void {
    for (const serial of this.timers.keys()) this.clearTimers(serial);
    this.sessions.clear();
    this.files = [];
  }

  private clearTimers(serial: string): void {
    for (const t of this.timers.get(serial) ?? []) clearTimeout(t);
    this.timers.delete(serial);
  }
}

function estimateSizeBytes(camera: SimCamera, frames: number, isStore: boolean): number {
  const w = Number(camera.params.Width) || 640;
  const h = Number(camera.params.Height) || 480;
  // Image stores keep near-raw frames; mp4 compresses roughly 50:1.
  const bytesPerFrame = isStore ? w * h * 0.5 : (w * h) / 50;
  return Math.round(frames * bytesPerFrame) + 4096;
}

/** Local wall-clock stamp as Motif names files: YYYYMMDD_HHMMSS. */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
