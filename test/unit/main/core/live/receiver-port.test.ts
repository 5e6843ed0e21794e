import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraStatus } from '../../../../../src-main/core/motif-api/operation-table';
import { LiveHub } from '../../../../../src-main/core/live/live-hub';
import { receiversOverPort, serveReceivers, type PortLike } from '../../../../../src-main/core/live/receiver-port';
import { streamEndpoints } from '../../../../../src-main/core/live/stream-endpoints';
import { openZmqReceiver } from '../../../../../src-main/core/live/zmq-receiver';
import { type SimFleet, startSimulatedRigs } from '../../../../../src-main/sim';
import { readFrameNumber } from '../../../../../src-main/sim/test-pattern';
import { ok, testDataDir } from '../../sim/sim-test-client';

// Electron's utilityProcess stands in as a MessageChannel: the same structured clone of frames.
const portOf = (p: MessagePort): PortLike => ({
  post: (m) => p.postMessage(m),
  onMessage: (l) => p.on('message', l),
  onClose: (l) => p.once('close', l),
});

let fleet: SimFleet;
const rig = () => fleet.rigs[0]!;
const resolve = async (_rigId: string, serial: string) =>
  streamEndpoints(CameraStatus.parse(await ok(rig().info, 'GET', `camera/${serial}`)), '127.0.0.1', serial);

/** An opener whose "process" is a MessageChannel running the real ZeroMQ receivers on its far side. */
function channelOpener() {
  const channels: MessageChannel[] = [];
  const open = receiversOverPort(() => {
    const channel = new MessageChannel();
    channels.push(channel);
    serveReceivers(portOf(channel.port2), openZmqReceiver);
    return portOf(channel.port1);
  });
  return { open, channels };
}

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), fps: 40, frame: { width: 160, height: 120, pixelFormat: 'mono16' } });
});
afterAll(() => fleet.stop());

describe('receivers in another process', () => {
  it('starts on the first view, delivers frames through the port, and closes the stream there', async () => {
    const { open, channels } = channelOpener();
    const hub = new LiveHub({ resolve, open });
    try {
      expect(channels).toHaveLength(0);
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      expect(channels).toHaveLength(1);
      const a = await hub.frame(watchId, 3000);
      const b = await hub.frame(watchId, 3000);
      expect(b.frame!.frameNumber).toBeGreaterThan(a.frame!.frameNumber);
      expect(b.frame!.pixels).toBeInstanceOf(Uint8Array);
      expect(b.frame).toMatchObject({ width: 160, height: 120, pixelFormat: 'mono16' });
      // mono16 levels are the pattern's 8-bit levels times 16 (plus a little): the high 8 of 12 bits carry the frame number.
      const px = b.frame!.pixels;
      const levels = new Uint8Array(160 * 120).map((_, i) => ((px[i * 2 + 1]! << 8) | px[i * 2]!) >> 4);
      expect(readFrameNumber(levels, 160, 120)).toBe(b.frame!.frameNumber);
      await expect.poll(() => rig().state.cameras.FAKE0!.streamReaders).toBe(1);
      await hub.unwatch(watchId);
      await expect.poll(() => rig().state.cameras.FAKE0!.streamReaders).toBe(0);
    } finally {
      await hub.close();
      for (const c of channels) c.port1.close();
    }
  });

  it('answers a preview closed while it waited its turn as closed, without asking the closed stream', async () => {
    const { open, channels } = channelOpener();
    const hub = new LiveHub({ resolve, open, previewIntervalMs: 600 });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE1', 'preview');
      await hub.frame(watchId, 3000);
      const waiting = hub.frame(watchId, 3000); // paced: waits about 600 ms before it asks
      await hub.unwatch(watchId);
      await expect(waiting).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/^This live view was closed/) });
    } finally {
      await hub.close();
      for (const c of channels) c.port1.close();
    }
  });

  it('bins on the serving side, into a buffer reused from frame to frame, each post copying it at once', async () => {
    const { open, channels } = channelOpener();
    const hub = new LiveHub({ resolve, open });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      const a = await hub.frame(watchId, 3000, 80);
      const kept = new Uint8Array(a.frame!.pixels);
      const b = await hub.frame(watchId, 3000, 80);
      expect(b.frame).toMatchObject({ width: 80, height: 60, binning: 2, pixelFormat: 'mono16' });
      expect(b.frame!.pixels.byteLength).toBe(80 * 60 * 2);
      expect(b.frame!.frameNumber).toBeGreaterThan(a.frame!.frameNumber);
      // The moving pattern differs from frame to frame, and the first frame's bytes stayed its own.
      expect(Buffer.compare(b.frame!.pixels, kept)).not.toBe(0);
      expect(Buffer.compare(a.frame!.pixels, kept)).toBe(0);
    } finally {
      await hub.close();
      for (const c of channels) c.port1.close();
    }
  });

  it('fails a pull in words when the receiving process ended, and starts a new one for the next view', async () => {
    const { open, channels } = channelOpener();
    const hub = new LiveHub({ resolve, open });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE1', 'full');
      await hub.frame(watchId, 3000);
      const waiting = hub.frame(watchId, 3000);
      channels[0]!.port2.close();
      await expect(waiting).rejects.toThrow(/the stream receiver process ended/);
      await hub.unwatch(watchId);
      const again = await hub.watch('rig', 'FAKE1', 'full');
      expect(channels).toHaveLength(2);
      expect((await hub.frame(again.watchId, 3000)).frame).not.toBeNull();
    } finally {
      await hub.close();
      for (const c of channels) c.port1.close();
    }
  });
});
