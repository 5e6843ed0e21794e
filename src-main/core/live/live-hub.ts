import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { liveRequests, LiveNotice, LiveStats } from '../../contract/requests/live';
import { CoreError, toMotifError } from '../errors';
import type { OpenReceiver, Pulled, Receiver } from './receiver';
import type { StreamEndpoints } from './stream-endpoints';

type FrameAnswer = z.infer<(typeof liveRequests)['live.frame']['result']>;

export interface LiveHubOptions {
  /** Reads the camera's announced streams; throws a CoreError in words when it has none. */
  resolve(rigId: string, serial: string): Promise<StreamEndpoints>;
  open: OpenReceiver;
  /** A full view gets the histogram of a frame at most this often (what exposure is set by). */
  histogramIntervalMs?: number;
  /** Previews (the wall) get a frame at most this often. */
  previewIntervalMs?: number;
  previewMaxWidth?: number;
  /** A watch not pulled for this long is ended (a window that closed without saying). */
  idleWatchMs?: number;
  /** No frame for this long: say so, and read the camera's status again in case its stream moved. */
  staleMs?: number;
}

/** A dropped backlog is told for this long after it happened. */
const BEHIND_NOTICE_MS = 10_000;

interface Camera {
  key: string;
  rigId: string;
  serial: string;
  endpoints: StreamEndpoints;
  receiver: Receiver;
  watchers: Set<Watcher>;
  openedAtMs: number;
  lastResolveAtMs: number;
  resolving: boolean;
  /** Why the last fresh look at the camera's status failed (the rig is away, streaming was switched off). */
  resolveError: string | null;
}

interface Watcher {
  id: string;
  camera: Camera;
  preview: boolean;
  lastSeq: number;
  seqAtStart: number;
  missedAtStart: number | null;
  delivered: number;
  replaced: number;
  lastPulledAtMs: number;
  lastDeliveredAtMs: number;
  lastHistogramAtMs: number;
  pulling: boolean;
}

/**
 * Who watches which camera. A camera's streams open with its first watcher and close with
 * its last; every watcher pulls the newest frame it has not had, one at a time, so a slow
 * window gets fewer frames, never older ones.
 */
export class LiveHub {
  private readonly cameras = new Map<string, Camera>();
  private readonly watchers = new Map<string, Watcher>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly previewIntervalMs: number;
  private readonly histogramIntervalMs: number;
  private readonly previewMaxWidth: number;
  private readonly idleWatchMs: number;
  private readonly staleMs: number;

  constructor(private readonly options: LiveHubOptions) {
    this.previewIntervalMs = options.previewIntervalMs ?? 500;
    this.histogramIntervalMs = options.histogramIntervalMs ?? 250;
    this.previewMaxWidth = options.previewMaxWidth ?? 320;
    this.idleWatchMs = options.idleWatchMs ?? 20_000;
    this.staleMs = options.staleMs ?? 3000;
    this.sweeper = setInterval(() => this.sweep(), Math.min(5000, this.idleWatchMs / 2));
    this.sweeper.unref();
  }

  async watch(rigId: string, serial: string, mode: 'full' | 'preview'): Promise<{ watchId: string; endpoints: StreamEndpoints }> {
    const key = `${rigId}\n${serial}`;
    let camera = this.cameras.get(key);
    if (!camera) {
      const endpoints = await this.options.resolve(rigId, serial);
      camera = this.cameras.get(key); // another watch may have opened it meanwhile
      if (!camera) {
        const now = Date.now();
        camera = { key, rigId, serial, endpoints, receiver: this.options.open(endpoints), watchers: new Set(), openedAtMs: now, lastResolveAtMs: now, resolving: false, resolveError: null };
        this.cameras.set(key, camera);
      }
    }
    const watcher: Watcher = {
      id: randomUUID(),
      camera,
      preview: mode === 'preview',
      lastSeq: 0,
      seqAtStart: -1,
      missedAtStart: null,
      delivered: 0,
      replaced: 0,
      lastPulledAtMs: Date.now(),
      lastDeliveredAtMs: 0,
      lastHistogramAtMs: 0,
      pulling: false,
    };
    camera.watchers.add(watcher);
    this.watchers.set(watcher.id, watcher);
    return { watchId: watcher.id, endpoints: camera.endpoints };
  }

  async unwatch(watchId: string): Promise<boolean> {
    const watcher = this.watchers.get(watchId);
    if (!watcher) return false;
    this.watchers.delete(watchId);
    const camera = watcher.camera;
    camera.watchers.delete(watcher);
    if (camera.watchers.size === 0) {
      this.cameras.delete(camera.key);
      await camera.receiver.close();
    }
    return true;
  }

  /** `maxWidth`: the width the window shows a full view at; previews always get the wall's. */
  async frame(watchId: string, waitMs: number, maxWidth?: number): Promise<FrameAnswer> {
    const watcher = this.watchers.get(watchId);
    if (!watcher) throw closedView(watchId);
    if (watcher.pulling) throw new CoreError('invalid-args', 'One frame at a time: ask for the next frame once the last one has arrived.', { watchId });
    watcher.pulling = true;
    watcher.lastPulledAtMs = Date.now();
    try {
      if (watcher.preview) await this.pacePreview(watcher, waitMs);
      // Closed while the preview waited its turn (its window went): its receiver may be closed too.
      if (this.watchers.get(watchId) !== watcher) throw closedView(watchId);
      const camera = watcher.camera;
      const width = watcher.preview ? this.previewMaxWidth : maxWidth;
      const histogram = !watcher.preview && Date.now() - watcher.lastHistogramAtMs >= this.histogramIntervalMs;
      const receiver = camera.receiver;
      const pulled = await receiver
        .pull({
          afterSeq: watcher.lastSeq,
          waitMs: watcher.preview ? Math.min(waitMs, this.previewIntervalMs) : waitMs,
          continuous: !watcher.preview,
          ...(width === undefined ? {} : { maxWidth: width }),
          ...(histogram ? { histogram } : {}),
        })
        .catch((e: unknown) => {
          // A receiver that failed (its process or thread ended) is not asked again: the
          // camera's views read from a new one after this answer.
          if (camera.receiver === receiver && this.cameras.get(camera.key) === camera) void this.replaceReceiver(camera, camera.endpoints);
          throw e;
        });
      if (pulled.histogram) watcher.lastHistogramAtMs = Date.now();
      watcher.lastPulledAtMs = Date.now();
      this.checkStale(camera, pulled);
      if (watcher.seqAtStart < 0) watcher.seqAtStart = pulled.frame ? pulled.frame.seq - 1 : pulled.latestSeq;
      watcher.missedAtStart ??= pulled.missed;
      if (pulled.frame) {
        watcher.replaced += Math.max(0, pulled.frame.seq - Math.max(watcher.lastSeq, watcher.seqAtStart) - 1);
        watcher.lastSeq = pulled.frame.seq;
        watcher.delivered += 1;
        watcher.lastDeliveredAtMs = Date.now();
      }
      const stats: LiveStats = {
        received: Math.max(0, pulled.latestSeq - watcher.seqAtStart),
        delivered: watcher.delivered,
        replaced: watcher.replaced,
        missed: pulled.missed - watcher.missedAtStart,
      };
      const frame = pulled.frame ? withoutSeq(pulled.frame) : null;
      return { frame, histogram: pulled.histogram, state: pulled.state, stats, notice: this.notice(camera, pulled) };
    } finally {
      watcher.pulling = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const cameras = [...this.cameras.values()];
    this.cameras.clear();
    this.watchers.clear();
    await Promise.all(cameras.map((c) => c.receiver.close()));
  }

  /** Open watches and cameras, for tests and the bench. */
  get counts(): { watchers: number; cameras: number } {
    return { watchers: this.watchers.size, cameras: this.cameras.size };
  }

  private async pacePreview(watcher: Watcher, waitMs: number): Promise<void> {
    const due = watcher.lastDeliveredAtMs + this.previewIntervalMs - Date.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(due, waitMs)));
  }

  private notice(camera: Camera, pulled: Pulled): LiveNotice | null {
    if (camera.resolveError) return { code: 'rig-unreachable', message: camera.resolveError };
    const silentSince = pulled.lastFrameAtMs ?? camera.openedAtMs;
    const silentMs = Date.now() - silentSince;
    if (silentMs > this.staleMs) {
      const why = pulled.problem ? ` ${pulled.problem}` : ' Is the camera acquiring, and can this PC reach the rig on the stream’s port?';
      return {
        code: 'no-frames',
        message: `No frames from camera ${camera.serial} for ${Math.round(silentMs / 1000)} s (stream ${camera.endpoints.image}).${why}`,
      };
    }
    if (pulled.lastBacklogAtMs !== null && Date.now() - pulled.lastBacklogAtMs < BEHIND_NOTICE_MS) {
      return {
        code: 'falling-behind',
        message:
          `This PC reads camera ${camera.serial}'s frames slower than the camera sends them: the rig had queued frames ` +
          `for it, and they were skipped to keep the picture live. Close other live views, or use Fit rather than 1:1.`,
      };
    }
    if (pulled.sharedBy !== null) {
      return {
        code: 'shared-stream',
        message:
          `Another program is reading this camera’s stream; each reader gets a share of the frames ` +
          `(this window gets about 1 in ${pulled.sharedBy}). Close the other reader for every frame.`,
      };
    }
    return null;
  }

  /** After a silence, reads the camera's status again: a rig that came back may stream on new ports. */
  private checkStale(camera: Camera, pulled: Pulled): void {
    const now = Date.now();
    const silentSince = pulled.lastFrameAtMs ?? camera.openedAtMs;
    if (now - silentSince <= this.staleMs || now - camera.lastResolveAtMs <= this.staleMs || camera.resolving) {
      if (now - silentSince <= this.staleMs) camera.resolveError = null;
      return;
    }
    camera.resolving = true;
    camera.lastResolveAtMs = now;
    void this.options
      .resolve(camera.rigId, camera.serial)
      .then(async (endpoints) => {
        camera.resolveError = null;
        // Closed while the address was read: nobody watches, so nothing is opened.
        if (this.cameras.get(camera.key) !== camera) return;
        if (endpoints.image === camera.endpoints.image && endpoints.state === camera.endpoints.state) return;
        await this.replaceReceiver(camera, endpoints);
      })
      .catch((e: unknown) => {
        camera.resolveError = toMotifError(e).message;
      })
      .finally(() => {
        camera.resolving = false;
      });
  }

  /** Opens the camera's streams afresh (at `endpoints`), its watchers counting from the new receiver's start, and closes the old one. */
  private async replaceReceiver(camera: Camera, endpoints: StreamEndpoints): Promise<void> {
    const old = camera.receiver;
    camera.endpoints = endpoints;
    camera.receiver = this.options.open(endpoints);
    camera.openedAtMs = Date.now();
    for (const w of camera.watchers) {
      w.lastSeq = 0;
      w.seqAtStart = 0;
      w.missedAtStart = 0;
    }
    await old.close().catch(() => undefined); // a receiver that failed may fail to close too
  }

  private sweep(): void {
    const cutoff = Date.now() - this.idleWatchMs;
    for (const w of [...this.watchers.values()]) if (!w.pulling && w.lastPulledAtMs < cutoff) void this.unwatch(w.id);
  }
}

function closedView(watchId: string): CoreError {
  return new CoreError('not-found', 'This live view was closed (not asked for frames for a while, or its camera was closed); open it again.', { watchId });
}

function withoutSeq<F extends { seq: number }>(frame: F): Omit<F, 'seq'> {
  const { seq: _seq, ...rest } = frame;
  return rest;
}
