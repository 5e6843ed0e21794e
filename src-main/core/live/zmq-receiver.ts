import * as zmq from 'zeromq';
import type { LiveCameraState } from '../../contract/requests/live';
import { binFrame } from './bin-frame';
import { readFrameHeader } from './frame-header';
import { computeHistogram } from './histogram';
import { ReaderShare } from './reader-share';
import type { OpenReceiver, Pulled, PullOptions, ReceivedFrame, Receiver } from './receiver';
import type { StreamEndpoints } from './stream-endpoints';

const STATE_TOPIC = 'j';
/** How long reading goes on after the last pull that asked for continuous reading. */
const CONTINUOUS_GRACE_MS = 2000;
/** The reading loop wakes this often to see whether it is still wanted. */
const RECEIVE_POLL_MS = 250;
/**
 * Frames read back to back before the newest is handed out even though more wait: when the
 * rig sends faster than we read, the socket is never empty, and waiting for that would starve
 * the window.
 */
const MAX_DRAIN = 3;
/**
 * A frame this much further behind the state stream's newest frame (by the rig's own clock)
 * than the connection's first frames were was queued by the rig for us: a reader slower than
 * the camera, and a rig whose send queue is long. The connection is dropped, with the queue,
 * and made again. Measured against the connection's own start, a link that is simply slow
 * (its frames always late by the same amount) is not taken for a backlog.
 */
const BACKLOG_MS = 300;
/** A connection's first second sets its usual lag; it is not dropped before that. */
const MIN_CONNECTION_MS = 1000;
/** Attempts at connecting when a signal interrupts the call. */
const CONNECT_ATTEMPTS = 3;
/**
 * The socket's kernel buffer: small, so a full view that falls behind has little stale image
 * data queued on this side. Loopback and LAN throughput stay far above a camera's.
 */
const RECEIVE_BUFFER_BYTES = 64 * 1024;
/** A preview waits this much longer for a state message sent since it subscribed (the rig publishes one per frame). */
const STATE_WAIT_MS = 150;

/**
 * One camera's streams over ZeroMQ: PULL on the image stream, SUB `j` on the state stream.
 * Only the newest frame is kept (latest frame wins: CONFLATE does not work with two-part
 * messages, so it is done here): a frame counts as arrived once nothing newer waits in the
 * socket (or a few were read back to back). Small high-water marks keep ZeroMQ from queueing
 * behind us. Full views read continuously. The image socket is connected only while someone
 * reads: previews (the wall) connect for each frame they take and disconnect after, so
 * between frames the rig queues nothing for us (and a lab's own reader gets every frame);
 * a fresh connection's first frame is the next one the rig sends. The state stream stays
 * connected but is subscribed only while someone reads: the rig's publisher filters by
 * subscription, so between a wall's previews it sends this app nothing.
 * ZeroMQ reconnects by itself when the rig comes back on the same port.
 */
export class ZmqReceiver implements Receiver {
  private image: zmq.Pull | null = null;
  private readonly state = new zmq.Subscriber({ receiveHighWaterMark: 4, linger: 0, reconnectInterval: 250, reconnectMaxInterval: 2000 });
  private latest: ReceivedFrame | null = null;
  private seq = 0;
  private missed = 0;
  private lastNumber: number | null = null;
  private lastFrameAtMs: number | null = null;
  private cameraState: LiveCameraState | null = null;
  /** When the state stream was last subscribed to, or null while it is not. */
  private subscribedAtMs: number | null = null;
  private stateUsable = true;
  /** Woken on each state message. */
  private readonly stateWaiters = new Set<() => void>();
  /** The state stream's newest frame time (the rig's clock, seconds), and when it came. */
  private stateFrameTime: { seconds: number; atMs: number } | null = null;
  /** Set when the image connection holds a backlog: the reading loop ends and connects afresh. */
  private dropConnection = false;
  private connectedAtMs = 0;
  /** The least lag behind the state stream in the connection's first second, ms: its usual lag. */
  private baselineLagMs: number | null = null;
  /** The next frame's gap is the dropped queue: counted as missed, not as another reader's share. */
  private skipShareGap = false;
  private lastBacklogAtMs: number | null = null;
  private problem: string | null = null;
  private readonly share = new ReaderShare();
  /** Woken on each frame that was the newest in the socket. */
  private readonly waiters = new Set<() => void>();
  private continuousUntilMs = 0;
  /** Pulls in progress, and those of them still waiting for their frame. */
  private pulling = 0;
  private waitingForFrames = 0;
  private reading: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly endpoints: StreamEndpoints) {
    try {
      this.state.connect(endpoints.state);
      void this.readState();
    } catch (e) {
      // Frames still come without it; only the recording state stays unknown.
      this.stateUsable = false;
      this.problem = `This app cannot connect to the state stream ${endpoints.state}: ${(e as Error).message}.`;
    }
  }

  async pull({ afterSeq, waitMs, maxWidth, continuous, histogram }: PullOptions): Promise<Pulled> {
    if (continuous) this.continuousUntilMs = Date.now() + CONTINUOUS_GRACE_MS;
    const deadline = Date.now() + waitMs;
    this.pulling += 1;
    this.waitingForFrames += 1;
    let waiting = true;
    const hasFrame = () => {
      if (waiting) this.waitingForFrames -= 1;
      waiting = false;
    };
    this.subscribeWhileWanted();
    try {
      const connecting = this.image === null;
      this.startReading();
      if (!continuous) {
        await this.nextArrival(deadline);
        // A connection kept open meanwhile may hold frames sent long ago: take those, then the next one sent.
        if (!connecting && this.latest && this.latest.seq > afterSeq) await this.nextArrival(Math.min(deadline, Date.now() + 200));
        // A preview has its frame: disconnect now, before the rig deals this app another one.
        hasFrame();
        if (!this.wanted) this.disconnectImage();
        // Its state is of the same moment; usually it came while the frame was awaited.
        await this.stateSinceSubscribing(Math.min(deadline, Date.now() + STATE_WAIT_MS));
      } else if ((this.latest?.seq ?? 0) <= afterSeq) {
        await this.nextArrival(deadline);
      }
    } finally {
      hasFrame();
      this.pulling -= 1;
      // Nobody reads any more (a preview that timed out): the rig should queue nothing for us.
      if (!this.wanted) this.disconnectImage();
      this.subscribeWhileWanted();
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
      histogram: fresh && histogram ? computeHistogram(fresh) : null,
      lastBacklogAtMs: this.lastBacklogAtMs,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.disconnectImage();
    this.state.close();
    for (const wake of [...this.waiters, ...this.stateWaiters]) wake();
    await this.reading;
  }

  private get continuous(): boolean {
    return Date.now() < this.continuousUntilMs;
  }

  private nextArrival(deadlineMs: number): Promise<void> {
    return this.wake(this.waiters, deadlineMs);
  }

  /** Resolves once a state message came after the last subscription (at once if one has), or at the deadline. */
  private async stateSinceSubscribing(deadlineMs: number): Promise<void> {
    const fresh = () => !this.stateUsable || (this.cameraState !== null && this.subscribedAtMs !== null && this.cameraState.atMs >= this.subscribedAtMs);
    while (!fresh() && !this.closed && Date.now() < deadlineMs) await this.wake(this.stateWaiters, deadlineMs);
  }

  /** Resolves when one of `waiters` is woken, or at the deadline. */
  private wake(waiters: Set<() => void>, deadlineMs: number): Promise<void> {
    const waitMs = deadlineMs - Date.now();
    if (this.closed || waitMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      waiters.add(done);
    });
  }

  /** Subscribed to the state stream while a pull is in progress or a full view's reading goes on (see the class comment). */
  private subscribeWhileWanted(): void {
    if (this.closed || !this.stateUsable) return;
    const wanted = this.pulling > 0 || (this.continuous && this.reading !== null);
    if (wanted === (this.subscribedAtMs !== null)) return;
    if (wanted) {
      this.state.subscribe(STATE_TOPIC);
      this.subscribedAtMs = Date.now();
    } else {
      this.state.unsubscribe(STATE_TOPIC);
      this.subscribedAtMs = null;
    }
  }

  /** Whether frames are wanted: a full view reads on, a preview only until it has its frame. */
  private get wanted(): boolean {
    return !this.closed && (this.continuous || this.waitingForFrames > 0);
  }

  private startReading(): void {
    if (!this.image && !this.closed) this.image = this.connectImage();
    if (!this.image) return;
    this.reading ??= this.read().finally(() => {
      this.reading = null;
      // A backlog, or nobody reads any more: disconnect, so the rig stops queueing frames for us.
      if (this.dropConnection || !this.wanted) {
        this.dropConnection = false;
        this.disconnectImage();
      }
      if (this.wanted) this.startReading();
      this.subscribeWhileWanted();
    });
  }

  private disconnectImage(): void {
    this.image?.close();
    this.image = null;
  }

  /**
   * A PULL socket connected to the image stream, or null (with the problem said) when the
   * address cannot be connected to. A signal arriving meanwhile interrupts the call: it is tried again.
   */
  private connectImage(): zmq.Pull | null {
    for (let attempt = 1; ; attempt++) {
      const image = new zmq.Pull({ receiveHighWaterMark: 2, receiveBufferSize: RECEIVE_BUFFER_BYTES, linger: 0, reconnectInterval: 250, reconnectMaxInterval: 2000, receiveTimeout: RECEIVE_POLL_MS });
      try {
        image.connect(this.endpoints.image);
        this.connectedAtMs = Date.now();
        this.baselineLagMs = null;
        return image;
      } catch (e) {
        image.close();
        if ((e as { code?: string }).code === 'EINTR' && attempt < CONNECT_ATTEMPTS) continue;
        this.problem = `This app cannot connect to the image stream ${this.endpoints.image}: ${(e as Error).message}.`;
        return null;
      }
    }
  }

  private async read(): Promise<void> {
    const image = this.image;
    if (!image) return;
    let wasContinuous = this.continuous;
    let drained = 0;
    while (this.wanted) {
      let parts: Buffer[];
      try {
        parts = await image.receive();
      } catch (e) {
        if (this.closed) return;
        if ((e as { code?: string }).code !== 'EAGAIN') {
          if (this.image !== image) return; // disconnected on purpose
          // The socket failed: connect afresh, after a pause, rather than retry it at once.
          this.problem = `Reading the image stream ${this.endpoints.image} failed: ${(e as Error).message}.`;
          this.dropConnection = true;
          await new Promise((resolve) => setTimeout(resolve, RECEIVE_POLL_MS));
          return;
        }
        continue; // nothing for a while: look again whether anyone still wants frames
      }
      const continuous = this.continuous;
      // Gaps mean something only while every frame is read.
      if (continuous !== wasContinuous) this.share.reset();
      wasContinuous = continuous;
      this.accept(parts, continuous);
      if (this.dropConnection) return;
      drained += 1;
      if (!image.readable || drained >= MAX_DRAIN) {
        drained = 0;
        for (const wake of [...this.waiters]) wake();
      }
    }
  }

  /** Whether a frame is far behind what the camera is at (see BACKLOG_MS), by the rig's clock on both sides. */
  private backlogged(frameTime: number | null): boolean {
    const state = this.stateFrameTime;
    const now = Date.now();
    if (frameTime === null || !state || now - state.atMs > BACKLOG_MS) return false;
    const lagMs = (state.seconds - frameTime) * 1000;
    if (now - this.connectedAtMs < MIN_CONNECTION_MS) {
      this.baselineLagMs = Math.min(this.baselineLagMs ?? lagMs, lagMs);
      return false;
    }
    return lagMs > (this.baselineLagMs ?? 0) + BACKLOG_MS;
  }

  private accept(parts: Buffer[], counting: boolean): void {
    const [header, pixels] = parts;
    if (parts.length !== 2 || !header || !pixels) {
      this.problem = unreadable(`a frame came in ${parts.length} parts, not 2 (header and pixels)`);
      return;
    }
    let layout;
    try {
      layout = readFrameHeader(header, pixels.length);
    } catch (e) {
      this.problem = unreadable((e as Error).message);
      return;
    }
    this.problem = null;
    if (this.backlogged(layout.frameTime)) {
      // Not shown, not counted: the frames behind it are dropped with the connection.
      this.dropConnection = true;
      this.skipShareGap = true;
      this.lastBacklogAtMs = Date.now();
      return;
    }
    const now = Date.now();
    const number = layout.frameNumber ?? (this.lastNumber ?? 0) + 1;
    if (this.lastNumber !== null && counting) {
      const gap = number - this.lastNumber;
      if (gap > 0) {
        this.missed += gap - 1;
        if (this.skipShareGap) this.skipShareGap = false;
        else this.share.add(gap);
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
      cameraPixelFormat: layout.pixelFormat,
    };
  }

  private async readState(): Promise<void> {
    try {
      for await (const [, json] of this.state) {
        try {
          const s: unknown = JSON.parse(json?.toString('utf8') ?? '');
          if (s === null || typeof s !== 'object') continue;
          const { frame_number: n, is_recording: r, frame_time: t } = s as Record<string, unknown>;
          const now = Date.now();
          this.cameraState = { frameNumber: typeof n === 'number' ? n : null, isRecording: typeof r === 'boolean' ? r : null, atMs: now };
          this.stateFrameTime = typeof t === 'number' ? { seconds: t, atMs: now } : null;
          for (const wake of [...this.stateWaiters]) wake();
        } catch {
          // A state message we cannot read: keep the last one.
        }
      }
    } catch {
      // Closed.
    }
  }
}

const unreadable = (why: string) => `The stream sends frames this app cannot read: ${why}.`;

export const openZmqReceiver: OpenReceiver = (endpoints) => new ZmqReceiver(endpoints);
