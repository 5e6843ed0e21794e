import { describe, expect, it } from 'vitest';
import { LiveHub } from '../../../../../src-main/core/live/live-hub';
import type { Pulled, Receiver } from '../../../../../src-main/core/live/receiver';
import type { StreamEndpoints } from '../../../../../src-main/core/live/stream-endpoints';

/** A receiver that never gets a frame, so the hub soon reads the camera's endpoints again. */
function silentReceivers() {
  const open: Receiver[] = [];
  const opened = (endpoints: StreamEndpoints): Receiver => {
    void endpoints;
    const receiver: Receiver = {
      pull: async (): Promise<Pulled> => ({ frame: null, latestSeq: 0, state: null, missed: 0, sharedBy: null, lastFrameAtMs: null, problem: null, histogram: null, lastBacklogAtMs: null }),
      close: async () => {
        const at = open.indexOf(receiver);
        if (at >= 0) open.splice(at, 1);
      },
    };
    open.push(receiver);
    return receiver;
  };
  return { open, opened };
}

const endpoints = (port: number): StreamEndpoints => ({ image: `tcp://127.0.0.1:${port}`, state: `tcp://127.0.0.1:${port + 1}` });

describe('live hub closing', () => {
  it('opens nothing for a camera closed while its new stream address was being read', async () => {
    const receivers = silentReceivers();
    let release: (e: StreamEndpoints) => void = () => undefined;
    let resolves = 0;
    const hub = new LiveHub({
      // The first read answers at once; the re-read after the silence waits until released.
      resolve: () => (resolves++ === 0 ? Promise.resolve(endpoints(5000)) : new Promise<StreamEndpoints>((r) => (release = r))),
      open: receivers.opened,
      staleMs: 20,
    });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      await new Promise((r) => setTimeout(r, 50));
      await hub.frame(watchId, 10); // silent for longer than staleMs: the address is read again
      expect(resolves).toBe(2);
      await hub.unwatch(watchId);
      expect(receivers.open).toHaveLength(0);
      release(endpoints(6000)); // the rig now streams elsewhere, but nobody watches any more
      await new Promise((r) => setTimeout(r, 20));
      expect(receivers.open).toHaveLength(0);
    } finally {
      await hub.close();
    }
  });
});
