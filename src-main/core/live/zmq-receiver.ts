import * as zmq from 'zeromq';
import type { LiveCameraState } from '../../contract/requests/live';
import { binFrame } from './bin-frame';
import { readFrameHeader } from './frame-header';
import { ReaderShare } from './reader-share';
import type { OpenReceiver, Pulled, PullOptions, ReceivedFrame, Receiver } from './receiver';
import type { StreamEndpoints } from './stream-endpoints';

const STATE_TOPIC = 'j';

/**
 * One camera's streams over ZeroMQ: PULL on the image stream, SUB `j` on the state stream.
 * Every message is read as it arrives and only the newest frame is kept (latest frame wins:
 * CONFLATE does not work with two-part messages, so it is done here); small high-water marks
 * keep ZeroMQ from queueing behind us. ZeroMQ reconnects by itself when the rig comes back
 * on the same port.
 */
export class ZmqReceiver implements Receiver {
  private readonly image = new zmq.Pull({ receiveHighWaterMark: 2, linger: 0, reconnectInterval: 250, reconnectMaxInterval: 2000 });
  private readonly state = new zmq.Subscriber({ receiveHighWaterMark: 4, linger: 0, reconnectInterval: 250, reconnectMaxInterval: 2000 });
  private latest: ReceivedFrame | null = null;
  private seq = 0;
  private missed = 0;
  private lastNumber: number | null = null;
  private lastFrameAtMs: number | null = null;
  private cameraState: LiveCameraState | null = null;
  private problem: string | null = null;
  private readonly share = new ReaderShare();
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(endpoints: StreamEndpoints) {
    this.image.connect(endpoints.image);
    this.state.connect(endpoints.state);
    this.state.subscribe(STATE_TOPIC);
    void this.readImages();
    void this.readState();
  }

  async pull({ afterSeq, waitMs, maxWidth }: PullOptions): Promise<Pulled> {
    if (!this.closed && (this.latest?.seq ?? 0) <= afterSeq && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        this.waiters.add(done);
      });
    }
    const fresh = this.latest && this.latest.seq > afterSeq ? this.latest : null;
    return {
      frame: fresh && maxWidth !== undefined ? binFrame(fresh, maxWidth) : fresh,
      latestSeq: this.seq,
      state: this.cameraState,
      missed: this.missed,
      sharedBy: this.share.readers(),
      lastFrameAtMs: this.lastFrameAtMs,
      problem: this.problem,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.image.close();
    this.state.close();
    for (const wake of [...this.waiters]) wake();
  }

  private async readImages(): Promise<void> {
    try {
      for await (const parts of this.image) this.accept(parts);
    } catch {
      // Closed: nothing more to read.
    }
  }

  private accept(parts: Buffer[]): void {
    const [header, pixels] = parts;
    if (parts.length !== 2 || !header || !pixels) {
      this.problem = `a frame came in ${parts.length} parts, not 2 (header and pixels)`;
      return;
    }
    let layout;
    try {
      layout = readFrameHeader(header, pixels.length);
    } catch (e) {
      this.problem = (e as Error).message;
      return;
    }
    this.problem = null;
    const now = Date.now();
    const number = layout.frameNumber ?? (this.lastNumber ?? 0) + 1;
    if (this.lastNumber !== null) {
      const gap = number - this.lastNumber;
      if (gap > 0) {
        this.missed += gap - 1;
        this.share.add(gap);
      } else {
        this.share.reset(); // the camera restarted its count
      }
    }
    this.lastNumber = number;
    this.lastFrameAtMs = now;
    this.seq += 1;
    this.latest = {
      seq: this.seq,
      frameNumber: number,
      frameTime: layout.frameTime,
      receivedAtMs: now,
      width: layout.width,
      height: layout.height,
      pixelFormat: layout.pixelFormat,
      pixels,
      binning: 1,
    };
    for (const wake of [...this.waiters]) wake();
  }

  private async readState(): Promise<void> {
    try {
      for await (const [, json] of this.state) {
        try {
          const s: unknown = JSON.parse(json?.toString('utf8') ?? '');
          if (s === null || typeof s !== 'object') continue;
          const { frame_number: n, is_recording: r } = s as Record<string, unknown>;
          this.cameraState = { frameNumber: typeof n === 'number' ? n : null, isRecording: typeof r === 'boolean' ? r : null, atMs: Date.now() };
        } catch {
          // A state message we cannot read: keep the last one.
        }
      }
    } catch {
      // Closed.
    }
  }
}

export const openZmqReceiver: OpenReceiver = (endpoints) => new ZmqReceiver(endpoints);
