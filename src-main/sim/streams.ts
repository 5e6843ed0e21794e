/**
 * Realtime streams (Motif 5): per camera a PUSH image socket (two frames: JSON header with
 * `dtype`, `shape`, frame number and time, then the raw pixels of a moving test pattern) and a
 * PUB state socket (topic "j"). Bound on 127.0.0.1, as a rig streams only to localhost by
 * default. PUSH deals frames round-robin to its readers, as ZeroMQ does for the real rig.
 * Image frames are built only while a reader is connected and keeping up.
 */
import type * as zmq from 'zeromq';
import type { RigModel, StreamAddress } from './rig-model';
import { describeFormat, PatternDrawer, REFERENCE_EXPOSURE_US, type FrameFormat } from './test-pattern';

const STREAM_HOST = '127.0.0.1';
const STATE_TOPIC = 'j';

interface CameraStream {
  serial: string;
  image: zmq.Push;
  state: zmq.Publisher;
  address: StreamAddress;
  imagePeers: number;
  imageBusy: boolean;
  stateBusy: boolean;
  /** Each frame number is sent once, however the timer jitters. */
  lastFrame: number;
  drawer: PatternDrawer;
}

export class RigStreams {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly model: RigModel,
    private readonly cameras: Map<string, CameraStream>,
  ) {}

  /** `ports` asks for the ports of an earlier start (a rig that comes back keeps its addresses). */
  static async start(model: RigModel, ports?: ReadonlyMap<string, StreamAddress>): Promise<RigStreams> {
    const cameras = new Map<string, CameraStream>();
    const streams = new RigStreams(model, cameras);
    try {
      for (const serial of model.serials) cameras.set(serial, await openCamera(serial, model.config.frame, ports?.get(serial)));
    } catch (e) {
      await streams.stop();
      throw e;
    }
    for (const cam of cameras.values()) void watchPeers(cam);
    streams.timer = setInterval(() => streams.tick(), 1000 / model.config.fps);
    return streams;
  }

  address(serial: string): StreamAddress | undefined {
    return this.cameras.get(serial)?.address;
  }

  addresses(): Map<string, StreamAddress> {
    return new Map([...this.cameras].map(([serial, cam]) => [serial, cam.address]));
  }

  /** Image readers connected to a camera's stream now. */
  readers(serial: string): number {
    return this.cameras.get(serial)?.imagePeers ?? 0;
  }

  /** Later frames come in this size and format (the rig's Width/Height/PixelFormat changed). */
  setFormat(format: FrameFormat): void {
    for (const cam of this.cameras.values()) cam.drawer = new PatternDrawer(format);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const cam of this.cameras.values()) {
      cam.image.close();
      cam.state.close();
    }
    this.cameras.clear();
  }

  private tick(): void {
    const now = Date.now();
    for (const cam of this.cameras.values()) {
      const camera = this.model.cameras.get(cam.serial);
      if (!camera || !camera.connected) continue;
      const frameNumber = camera.frameNumber(now);
      if (frameNumber <= cam.lastFrame) continue;
      cam.lastFrame = frameNumber;
      const status = this.model.recordings.status(cam.serial, now);
      const meta = { serial: cam.serial, frame_number: frameNumber, frame_time: now / 1000, is_recording: status === 'recording' };
      if (!cam.stateBusy) {
        cam.stateBusy = true;
        const state = { ...meta, status, filename: this.model.recordings.session(cam.serial)?.filename ?? null };
        cam.state
          .send([STATE_TOPIC, JSON.stringify(state)])
          .catch(() => undefined)
          .finally(() => (cam.stateBusy = false));
      }
      if (cam.imagePeers > 0 && !cam.imageBusy) {
        cam.imageBusy = true;
        const exposure = camera.params.ExposureTime;
        const pixels = cam.drawer.draw(frameNumber, typeof exposure === 'number' ? exposure : REFERENCE_EXPOSURE_US);
        const header = { ...meta, ...describeFormat(cam.drawer.format) };
        cam.image
          .send([JSON.stringify(header), pixels])
          .catch(() => undefined)
          .finally(() => (cam.imageBusy = false));
      }
    }
  }
}

async function openCamera(serial: string, format: FrameFormat, previous?: StreamAddress): Promise<CameraStream> {
  // ZeroMQ loads with the first stream, not with every process that may run a simulator.
  const { Push, Publisher, context } = await import('zeromq');
  // Two sockets a camera: 200 simulated rigs in one process need more than ZeroMQ's default
  // 1,023 (it is read when the first socket is made; later it is already as raised).
  if (context.maxSockets < context.maxSocketsLimit) context.maxSockets = context.maxSocketsLimit;
  // A slow viewer should see fresh frames, not a backlog.
  const image = new Push({ sendHighWaterMark: 2, linger: 0 });
  const state = new Publisher({ sendHighWaterMark: 10, linger: 0 });
  await bindNear(image, previous?.image.port);
  await bindNear(state, previous?.state.port);
  return {
    serial,
    image,
    state,
    address: { image: { host: STREAM_HOST, port: portOf(image) }, state: { host: STREAM_HOST, port: portOf(state) } },
    imagePeers: 0,
    imageBusy: false,
    stateBusy: false,
    lastFrame: -1,
    drawer: new PatternDrawer(format),
  };
}

/** Binds the port asked for when it is free again, else any port. */
async function bindNear(socket: zmq.Socket, port: number | undefined): Promise<void> {
  if (port !== undefined) {
    try {
      await socket.bind(`tcp://${STREAM_HOST}:${port}`);
      return;
    } catch {
      // Taken meanwhile: the rig announces its new port in camera_info.
    }
  }
  await socket.bind(`tcp://${STREAM_HOST}:*`);
}

/** Counts connected image clients, so frames are only built for someone. */
async function watchPeers(cam: CameraStream): Promise<void> {
  try {
    for await (const event of cam.image.events) {
      if (event.type === 'accept') cam.imagePeers += 1;
      else if (event.type === 'disconnect') cam.imagePeers = Math.max(0, cam.imagePeers - 1);
    }
  } catch {
    // The socket closed: the rig stopped.
  }
}

function portOf(socket: zmq.Socket): number {
  const m = /:(\d+)$/.exec(socket.lastEndpoint ?? '');
  if (!m) throw new Error(`cannot read the stream port from ${socket.lastEndpoint}`);
  return Number(m[1]);
}
