import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraStatus } from '../../../../../src-main/core/motif-api/operation-table';
import { LiveHub } from '../../../../../src-main/core/live/live-hub';
import { streamEndpoints } from '../../../../../src-main/core/live/stream-endpoints';
import { portOverWorker, startReceiverWorker, startSourceWorker, workerErrorLine, workerReceivers } from '../../../../../src-main/core/live/worker-receivers';
import { type SimFleet, startSimulatedRigs } from '../../../../../src-main/sim';
import { readFrameNumber } from '../../../../../src-main/sim/test-pattern';
import { ok, testDataDir } from '../../sim/sim-test-client';

let fleet: SimFleet;
const rig = () => fleet.rigs[0]!;
const resolve = async (_rigId: string, serial: string) =>
  streamEndpoints(CameraStatus.parse(await ok(rig().info, 'GET', `camera/${serial}`)), '127.0.0.1', serial);

/** Real worker threads (from source, through tsx's loader), kept to be ended by the test. */
function workerOpener(module?: URL) {
  const workers: Worker[] = [];
  const reported: string[] = [];
  const open = workerReceivers(
    (line) => reported.push(line),
    () => {
      const worker = module ? startSourceWorker(module) : startReceiverWorker();
      workers.push(worker);
      return worker;
    },
  );
  return { open, workers, reported };
}

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), fps: 40, frame: { width: 320, height: 240, pixelFormat: 'mono8' } });
});
afterAll(() => fleet.stop());

describe('receivers in a worker thread', () => {
  it('starts on the first view and delivers frames, full size and binned, their bytes moved across', async () => {
    const { open, workers } = workerOpener();
    const hub = new LiveHub({ resolve, open });
    try {
      expect(workers).toHaveLength(0);
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      expect(workers).toHaveLength(1);
      const full = await hub.frame(watchId, 5000);
      expect(full.frame).toMatchObject({ width: 320, height: 240, binning: 1 });
      // A Uint8Array of its own (moved, not a view into a structured-clone buffer), and the right frame.
      expect(full.frame!.pixels.constructor).toBe(Uint8Array);
      expect(full.frame!.pixels.byteLength).toBe(full.frame!.pixels.buffer.byteLength);
      expect(readFrameNumber(full.frame!.pixels, 320, 240)).toBe(full.frame!.frameNumber);
      const binned = await hub.frame(watchId, 5000, 160);
      expect(binned.frame).toMatchObject({ width: 160, height: 120, binning: 2 });
      expect(binned.frame!.frameNumber).toBeGreaterThan(full.frame!.frameNumber);
      await hub.unwatch(watchId);
      await expect.poll(() => rig().state.cameras.FAKE0!.streamReaders).toBe(0);
    } finally {
      await hub.close();
      await Promise.all(workers.map((w) => w.terminate()));
    }
  });

  it('fails a view in words when the thread fails with its streams open, and reads on from a new thread; the process lives', async () => {
    const { open, workers, reported } = workerOpener(new URL('./failing-receiver-worker.ts', import.meta.url));
    const hub = new LiveHub({ resolve, open });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE1', 'full');
      expect((await hub.frame(watchId, 5000)).frame).not.toBeNull();
      const exited = new Promise<number>((r) => workers[0]!.once('exit', r));
      await expect(hub.frame(watchId, 5000)).rejects.toThrow('Live view: the stream receiver process ended; open the view again');
      expect(reported).toEqual([workerErrorLine('the stream thread broke')]);
      // It closed its streams before it ended: the camera has no reader left from it.
      expect(await exited).toBe(1);
      // The camera's next pull reads from a new thread, the view kept open.
      expect(workers).toHaveLength(2);
      const again = await hub.frame(watchId, 5000);
      expect(again.frame).not.toBeNull();
      expect(again.stats.delivered).toBe(2);
    } finally {
      await hub.close();
      await Promise.all(workers.map((w) => w.terminate()));
    }
  });

  it('reports an error the thread could not catch in one line, and the exit that follows ends the port', () => {
    const worker = Object.assign(new EventEmitter(), { postMessage: () => undefined });
    const reported: string[] = [];
    const port = portOverWorker(worker, (line) => reported.push(line));
    let closed = 0;
    port.onClose(() => closed++);
    // Without a listener an EventEmitter throws its 'error' in the thread that answers requests.
    expect(() => worker.emit('error', new Error('Cannot find module'))).not.toThrow();
    expect(reported).toEqual(['The live-stream thread stopped on an error (Cannot find module); live views reconnect to a new one.']);
    worker.emit('exit', 1);
    worker.emit('exit', 1);
    expect(closed).toBe(1);
  });
});
