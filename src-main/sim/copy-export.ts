/**
 * Copy and export jobs. Each takes copySeconds per camera and shows in
 * playback_info.status: "copying" / "exporting ..." while running, then
 * "copy finished" / "export finished".
 */
import type { Recordings, RecordingFile } from './recordings';
import { conflict } from './wire-errors';

export type JobKind = 'copy' | 'export';

export interface JobRequest {
  kind: JobKind;
  deleteAfter: boolean;
  location?: string;
  codec?: string;
}

interface RunningJob extends JobRequest {
  files: RecordingFile[];
  startedAtMs: number;
  durationMs: number;
  timer: NodeJS.Timeout;
}

interface CameraPlayback {
  status: string;
  running?: RunningJob;
  lastJob?: { kind: JobKind; files: number; finishedAt: number };
}

const DEFAULT_COPY_LOCATION = '/mnt/storage/motif';

export class CopyExportJobs {
  private cameras = new Map<string, CameraPlayback>();

  constructor(
    private readonly recordings: Recordings,
    private readonly durationMs: number,
  ) {}

  /** Copy takes completed recordings not yet copied; export takes image stores not yet exported. */
  start(serial: string, req: JobRequest): { files: string[]; estimatedSeconds: number } {
    const pb = this.playback(serial);
    if (pb.running) throw conflict(`camera ${serial} is busy ${pb.status}; try again when it has finished`);
    const files = this.recordings
      .filesOf(serial)
      .filter((f) => (req.kind === 'copy' ? !f.copied : f.is_store && !f.exported));
    const running: RunningJob = {
      ...req,
      files,
      startedAtMs: Date.now(),
      durationMs: this.durationMs,
      timer: setTimeout(() => this.finish(serial), this.durationMs),
    };
    pb.running = running;
    pb.status = req.kind === 'copy' ? 'copying' : 'exporting';
    return { files: files.map((f) => f.filename), estimatedSeconds: this.durationMs / 1000 };
  }

  info(serial: string, nowMs = Date.now()): Record<string, unknown> {
    const pb = this.playback(serial);
    const r = pb.running;
    const progress = r ? Math.min(1, (nowMs - r.startedAtMs) / r.durationMs) : undefined;
    return {
      status: pb.status,
      ...(r ? { job: r.kind, progress, files: r.files.length } : {}),
      ...(pb.lastJob ? { last_job: { kind: pb.lastJob.kind, files: pb.lastJob.files, finished_at: pb.lastJob.finishedAt } } : {}),
    };
  }

  isBusy(serial: string): boolean {
    return this.playback(serial).running !== undefined;
  }

  status(serial: string): string {
    return this.playback(serial).status;
  }

  finishAll(): void {
    for (const [serial, pb] of this.cameras) if (pb.running) this.finish(serial);
  }

  reset(): void {
    for (const pb of this.cameras.values()) if (pb.running) clearTimeout(pb.running.timer);
    this.cameras.clear();
  }

  private finish(serial: string): void {
    const pb = this.playback(serial);
    const r = pb.running;
    if (!r) return;
    clearTimeout(r.timer);
    for (const f of r.files) {
      if (r.kind === 'copy') {
        f.copied = true;
        f.copied_to = `${r.location ?? DEFAULT_COPY_LOCATION}/${f.filename}`;
      } else {
        f.exported = true;
        f.exported_path = `${f.path}.mp4`;
      }
      if (r.deleteAfter) this.recordings.remove(f);
    }
    pb.running = undefined;
    pb.status = r.kind === 'copy' ? 'copy finished' : 'export finished';
    pb.lastJob = { kind: r.kind, files: r.files.length, finishedAt: Date.now() / 1000 };
  }

  private playback(serial: string): CameraPlayback {
    let pb = this.cameras.get(serial);
    if (!pb) {
      pb = { status: 'idle' };
      this.cameras.set(serial, pb);
    }
    return pb;
  }
}
