import * as zmq from 'zeromq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { DEFAULT_FRAME_FORMAT, PatternDrawer, readFrameNumber } from '../../../../src-main/sim/test-pattern';
import { ok, testDataDir } from './sim-test-client';

interface StreamInfo {
  image: { host: string; port: number };
  state: { host: string; port: number };
}

let fleet: SimFleet;
const info = () => fleet.rigs[0]!.info;
const { width: FRAME_WIDTH, height: FRAME_HEIGHT } = DEFAULT_FRAME_FORMAT;
const mean = (b: Buffer) => b.reduce((sum, v) => sum + v, 0) / b.length;
const streamOf = async (serial: string) =>
  ((await ok(info(), 'GET', `camera/${serial}`)).camera_info as unknown as { stream: StreamInfo }).stream;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), fps: 50 });
});
afterAll(() => fleet.stop());

describe('realtime streams', () => {
  it('announces an image and a state stream per camera on 127.0.0.1', async () => {
    const a = await streamOf('FAKE0');
    const b = await streamOf('FAKE1');
    expect(a.image.host).toBe('127.0.0.1');
    expect(new Set([a.image.port, a.state.port, b.image.port, b.state.port]).size).toBe(4);
    // The in-process view says the same.
    expect(fleet.rigs[0]!.state.cameras.FAKE0!.streamEndpoints).toEqual({ image: `tcp://127.0.0.1:${a.image.port}`, state: `tcp://127.0.0.1:${a.state.port}` });
  });

  it('sends two-frame images (JSON metadata, then uint8 pixels) to a PULL client', async () => {
    const stream = await streamOf('FAKE0');
    const pull = new zmq.Pull({ receiveTimeout: 3000 });
    pull.connect(`tcp://${stream.image.host}:${stream.image.port}`);
    try {
      const [meta1, pixels1] = await pull.receive();
      const [meta2, pixels2] = await pull.receive();
      const m1 = JSON.parse(meta1!.toString());
      const m2 = JSON.parse(meta2!.toString());
      expect(m1).toMatchObject({ dtype: 'uint8', shape: [FRAME_HEIGHT, FRAME_WIDTH], serial: 'FAKE0', is_recording: false });
      expect(typeof m1.frame_time).toBe('number');
      expect(pixels1!.length).toBe(FRAME_WIDTH * FRAME_HEIGHT);
      expect(m2.frame_number).toBeGreaterThan(m1.frame_number);
      expect(Buffer.compare(pixels1!, pixels2!)).not.toBe(0);
    } finally {
      pull.close();
    }
  });

  it('publishes state on topic j, showing when the camera records', async () => {
    const stream = await streamOf('FAKE1');
    const sub = new zmq.Subscriber({ receiveTimeout: 3000 });
    sub.connect(`tcp://${stream.state.host}:${stream.state.port}`);
    sub.subscribe('j');
    try {
      const [topic, json] = await sub.receive();
      expect(topic!.toString()).toBe('j');
      expect(JSON.parse(json!.toString())).toMatchObject({ serial: 'FAKE1', is_recording: false, frame_number: expect.any(Number), frame_time: expect.any(Number) });
      await ok(info(), 'POST', 'camera/FAKE1/recording/start');
      for (;;) {
        const [, j] = await sub.receive();
        if (JSON.parse(j!.toString()).is_recording) break;
      }
      await ok(info(), 'POST', 'camera/FAKE1/recording/stop');
    } finally {
      sub.close();
    }
  });

  it('draws a pattern that moves from frame to frame and carries its frame number', () => {
    const drawer = new PatternDrawer({ width: 320, height: 240, pixelFormat: 'mono8' });
    const a = Buffer.from(drawer.draw(0, 10_000));
    expect(a.equals(drawer.draw(1, 10_000))).toBe(false);
    expect(a.equals(drawer.draw(0, 10_000))).toBe(true);
    expect(readFrameNumber(drawer.draw(123_457, 10_000), 320, 240)).toBe(123_457);
  });

  it('draws brighter with a longer exposure', () => {
    const drawer = new PatternDrawer({ width: 320, height: 240, pixelFormat: 'mono8' });
    expect(mean(drawer.draw(7, 20_000))).toBeGreaterThan(mean(drawer.draw(7, 5_000)) * 2);
  });

  it('sends any size and pixel format, with the dtype and shape to read it', async () => {
    const rig = fleet.rigs[0]!;
    const stream = await streamOf('FAKE0');
    const pull = new zmq.Pull({ receiveTimeout: 3000 });
    pull.connect(`tcp://${stream.image.host}:${stream.image.port}`);
    const cases = [
      { pixelFormat: 'mono16', dtype: 'uint16', shape: [100, 200], bytes: 200 * 100 * 2, genicam: 'Mono16' },
      { pixelFormat: 'rgb8', dtype: 'uint8', shape: [100, 200, 3], bytes: 200 * 100 * 3, genicam: 'RGB8' },
      { pixelFormat: 'bayer_rggb8', dtype: 'uint8', shape: [100, 200], bytes: 200 * 100, genicam: 'BayerRG8' },
      { pixelFormat: 'bayer_bggr8', dtype: 'uint8', shape: [100, 200], bytes: 200 * 100, genicam: 'BayerBG8' },
    ] as const;
    try {
      for (const c of cases) {
        rig.setFrameFormat({ width: 200, height: 100, pixelFormat: c.pixelFormat });
        for (;;) {
          const [meta, pixels] = await pull.receive();
          const header = JSON.parse(meta!.toString());
          if (header.dtype !== c.dtype || JSON.stringify(header.shape) !== JSON.stringify(c.shape) || header.pixel_format !== c.genicam) continue;
          expect(pixels!.length).toBe(c.bytes);
          break;
        }
      }
    } finally {
      rig.setFrameFormat(DEFAULT_FRAME_FORMAT);
      pull.close();
    }
  });

  it('deals frames round-robin to two readers and counts them in the state', async () => {
    const rig = fleet.rigs[0]!;
    const stream = await streamOf('FAKE1');
    const readers = [new zmq.Pull({ receiveTimeout: 3000 }), new zmq.Pull({ receiveTimeout: 3000 })];
    for (const r of readers) r.connect(`tcp://127.0.0.1:${stream.image.port}`);
    try {
      await expect.poll(() => rig.state.cameras.FAKE1!.streamReaders).toBe(2);
      const numbers = async (r: zmq.Pull) => {
        const got: number[] = [];
        for (let i = 0; i < 6; i++) got.push(JSON.parse((await r.receive())[0]!.toString()).frame_number);
        return got;
      };
      const [a, b] = await Promise.all(readers.map(numbers));
      const gaps = [...a!.slice(1).map((n, i) => n - a![i]!), ...b!.slice(1).map((n, i) => n - b![i]!)];
      expect(gaps.filter((g) => g >= 2).length).toBeGreaterThan(gaps.length / 2);
    } finally {
      for (const r of readers) r.close();
    }
    await expect.poll(() => rig.state.cameras.FAKE1!.streamReaders).toBe(0);
  });

  it('with streaming off drops the stream from camera_info, and on again keeps the ports', async () => {
    const rig = fleet.rigs[0]!;
    const before = await streamOf('FAKE0');
    await rig.setStreaming(false);
    expect(await streamOf('FAKE0')).toBeUndefined();
    expect(rig.state.cameras.FAKE0!.streamEndpoints).toBeNull();
    await rig.setStreaming(true);
    expect(await streamOf('FAKE0')).toEqual(before);
  });

  it('leaves the stream out of the status with streams: false', async () => {
    const quiet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false });
    try {
      const s = await ok(quiet.rigs[0]!.info, 'GET', 'camera/FAKE0');
      expect((s.camera_info as Record<string, unknown>).stream).toBeUndefined();
    } finally {
      await quiet.stop();
    }
  });
});
