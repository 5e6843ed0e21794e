import * as zmq from 'zeromq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CameraStatus } from '../../../../../src-main/core/motif-api/operation-table';
import { LiveHub } from '../../../../../src-main/core/live/live-hub';
import { streamEndpoints } from '../../../../../src-main/core/live/stream-endpoints';
import { openZmqReceiver } from '../../../../../src-main/core/live/zmq-receiver';
import { type SimFleet, startSimulatedRigs } from '../../../../../src-main/sim';
import { readFrameNumber } from '../../../../../src-main/sim/test-pattern';
import { ok, testDataDir } from '../../sim/sim-test-client';

// The receiver against the simulator's real ZeroMQ sockets.
const FPS = 50;
let fleet: SimFleet;
let hub: LiveHub;
const rig = () => fleet.rigs[0]!;
const readers = (serial: string) => rig().state.cameras[serial]!.streamReaders;
const resolve = async (_rigId: string, serial: string) =>
  streamEndpoints(CameraStatus.parse(await ok(rig().info, 'GET', `camera/${serial}`)), '127.0.0.1', serial);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), fps: FPS, frame: { width: 320, height: 240, pixelFormat: 'mono8' } });
});
afterAll(() => fleet.stop());
afterEach(async () => {
  await hub.close();
});

describe('live hub over ZeroMQ', () => {
  it('delivers frames whose pixels match their frame numbers, opening the stream only while watched', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver });
    expect(readers('FAKE0')).toBe(0);
    const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
    const a = await hub.frame(watchId, 3000);
    expect(readers('FAKE0')).toBe(1); // a full view stays connected, reading every frame
    const b = await hub.frame(watchId, 3000);
    expect(a.frame).not.toBeNull();
    expect(b.frame!.frameNumber).toBeGreaterThan(a.frame!.frameNumber);
    expect(readFrameNumber(b.frame!.pixels, 320, 240)).toBe(b.frame!.frameNumber % 2 ** 24);
    expect(b.frame).toMatchObject({ width: 320, height: 240, pixelFormat: 'mono8', binning: 1 });
    expect(await hub.unwatch(watchId)).toBe(true);
    await expect.poll(() => readers('FAKE0')).toBe(0);
  });

  it('bins a full view to the width it is shown at, and gives the whole frame’s histogram a few times a second', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver, histogramIntervalMs: 300 });
    const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
    const first = await hub.frame(watchId, 3000, 100);
    expect(first.frame).toMatchObject({ width: 80, height: 60, binning: 4, pixelFormat: 'mono8', cameraPixelFormat: 'mono8' });
    // The histogram is of the 320 x 240 frame, not of the 80 x 60 one sent.
    expect(first.histogram!.bins.reduce((a, b) => a + b, 0)).toBe(320 * 240);
    const next = await hub.frame(watchId, 3000, 100);
    expect(next.histogram).toBeNull(); // within the interval
    await sleep(320);
    expect((await hub.frame(watchId, 3000)).histogram).not.toBeNull();
    expect((await hub.frame(watchId, 3000)).frame).toMatchObject({ width: 320, binning: 1 });
  });

  it('gives a slow watcher the newest frame, never a queued older one', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver });
    const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
    await hub.frame(watchId, 3000);
    await sleep(400); // about 20 frames arrive meanwhile
    const late = await hub.frame(watchId, 3000);
    // The next frame is what the camera is at now: the late one was at most a frame or two older.
    const now = (await hub.frame(watchId, 3000)).frame!.frameNumber;
    expect(now - late.frame!.frameNumber).toBeLessThan(10); // a queue would hold the ~20 frames sent meanwhile
    expect(late.stats.replaced).toBeGreaterThanOrEqual(10);
    expect(late.stats.delivered).toBe(2);
  });

  it('says when another program reads the same stream', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver });
    const { watchId, endpoints } = await hub.watch('rig', 'FAKE1', 'full');
    const other = new zmq.Pull({ linger: 0 });
    other.connect(endpoints.image);
    const drain = (async () => {
      try {
        for await (const _ of other) void _;
      } catch {
        // closed
      }
    })();
    try {
      await expect
        .poll(async () => (await hub.frame(watchId, 500)).notice?.code, { timeout: 5000, interval: 50 })
        .toBe('shared-stream');
      expect((await hub.frame(watchId, 500)).notice!.message).toMatch(/Another program is reading this camera’s stream; each reader gets a share of the frames/);
    } finally {
      other.close();
      await drain;
    }
    // Alone again: the gaps go back to 1 and the notice goes away.
    await expect.poll(async () => (await hub.frame(watchId, 500)).notice, { timeout: 5000, interval: 50 }).toBeNull();
  });

  it('reconnects when the rig streams again after a break, and says so meanwhile', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver, staleMs: 500 });
    const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
    const before = (await hub.frame(watchId, 3000)).frame!.frameNumber;
    await rig().setStreaming(false);
    try {
      await expect.poll(async () => (await hub.frame(watchId, 200)).notice?.code, { timeout: 5000, interval: 50 }).toMatch(/no-frames|rig-unreachable/);
    } finally {
      await rig().setStreaming(true);
    }
    await expect.poll(async () => (await hub.frame(watchId, 500)).frame?.frameNumber ?? 0, { timeout: 8000, interval: 50 }).toBeGreaterThan(before);
    expect((await hub.frame(watchId, 500)).notice).toBeNull();
  });

  it('sends the wall small binned frames at a low rate', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver, previewIntervalMs: 300, previewMaxWidth: 100 });
    const { watchId } = await hub.watch('rig', 'FAKE1', 'preview');
    const started = Date.now();
    const frames = [];
    for (let i = 0; i < 4; i++) frames.push((await hub.frame(watchId, 2000)).frame);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 300 - 20);
    expect(frames.every((f) => f !== null && f.width <= 100 && f.binning === 4)).toBe(true);
  });

  it('connects a preview only while it takes a frame, and each frame it takes is fresh', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver, previewIntervalMs: 600 });
    const { watchId } = await hub.watch('rig', 'FAKE1', 'preview');
    for (let i = 0; i < 3; i++) {
      const { frame } = await hub.frame(watchId, 2000);
      // Taken from a connection made for it, not from frames queued since the last one.
      expect(Date.now() - frame!.frameTime! * 1000).toBeLessThan(500); // a queue since the last one would be 600 ms and more
      // Between frames the rig has no reader to queue frames for.
      await expect.poll(() => readers('FAKE1'), { timeout: 1500, interval: 10 }).toBe(0);
    }
  });

  it('refuses a second pull of the same watcher while one waits, and closes every stream on close', async () => {
    hub = new LiveHub({ resolve, open: openZmqReceiver });
    const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
    await hub.watch('rig', 'FAKE0', 'full');
    expect(hub.counts).toEqual({ watchers: 2, cameras: 1 });
    const first = hub.frame(watchId, 1000);
    await expect(hub.frame(watchId, 1000)).rejects.toThrow(/One frame at a time/);
    await first;
    await hub.close();
    await expect.poll(() => readers('FAKE0')).toBe(0);
    await expect(hub.frame(watchId, 10)).rejects.toThrow(/closed/);
  });
});
