/**
 * Realtime streams (Motif 5): per camera a PUSH image socket (two frames: JSON
 * metadata, then uint8 pixels of a moving pattern) and a PUB state socket (topic
 * "j"). Bound on 127.0.0.1, as a rig streams only to localhost by default.
 * Image frames are built only while a client is connected and keeping up.
 */
import * as zmq from 'zeromq';
import type { RigModel, StreamAddress } from './rig-model';

export const FRAME_WIDTH = 64;
export const FRAME_HEIGHT = 48;
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
}

export class RigStreams {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly model: RigModel,
    private readonly cameras: Map<string, CameraStream>,
  ) {}

  static async start(model: RigModel): Promise<RigStreams> {
    const cameras = new Map<string, CameraStream>();
    const streams = new RigStreams(model, cameras);
    try {
      for (const serial of model.serials) cameras.set(serial, await openCamera(serial));
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
      const status = this.model.recordings.status(cam.serial, now);
      const meta = {
        serial: cam.serial,
        frame_number: frameNumber,
        frame_time: now / 1000,
        is_recording: status === 'recording',
      };
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
        const header = { ...meta, dtype: 'uint8', shape: [FRAME_HEIGHT, FRAME_WIDTH] };
        cam.image
          .send([JSON.stringify(header), syntheticFrame(frameNumber)])
          .catch(() => undefined)
          .finally(() => (cam.imageBusy = false));
      }
    }
  }
}

async function openCamera(serial: string): Promise<CameraStream> {
  // A slow viewer should see fresh frames, not a backlog.
  const image = new zmq.Push({ sendHighWaterMark: 2, linger: 0 });
  const state = new zmq.Publisher({ sendHighWaterMark: 10, linger: 0 });
  await image.bind(`tcp://${STREAM_HOST}:*`);
  await state.bind(`tcp://${STREAM_HOST}:*`);
  return {
    serial,
    image,
    state,
    address: { image: { host: STREAM_HOST, port: portOf(image) }, state: { host: STREAM_HOST, port: portOf(state) } },
    imagePeers: 0,
    imageBusy: false,
    stateBusy: false,
  };
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

/** A diagonal gradient with a bright bar sweeping across, so motion is visible. */
export function syntheticFrame(frameNumber: number): Buffer {
  const pixels = Buffer.alloc(FRAME_WIDTH * FRAME_HEIGHT);
  const bar = frameNumber % FRAME_WIDTH;
  for (let y = 0; y < FRAME_HEIGHT; y++) {
    for (let x = 0; x < FRAME_WIDTH; x++) {
      pixels[y * FRAME_WIDTH + x] = Math.abs(x - bar) < 3 ? 255 : (x * 2 + y * 2 + frameNumber) & 0x7f;
    }
  }
  return pixels;
}
