import * as zmq from 'zeromq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { FRAME_HEIGHT, FRAME_WIDTH, syntheticFrame } from '../../../../src-main/sim/streams';
import { ok, testDataDir } from './sim-test-client';

interface StreamInfo {
  image: { host: string; port: number };
  state: { host: string; port: number };
}

let fleet: SimFleet;
const info = () => fleet.rigs[0]!.info;
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

  it('draws a pattern that moves from frame to frame', () => {
    expect(syntheticFrame(0).equals(syntheticFrame(1))).toBe(false);
    expect(syntheticFrame(5).equals(syntheticFrame(5))).toBe(true);
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
