import * as zmq from 'zeromq';
import { describe, expect, it } from 'vitest';
import { LiveHub } from '../../../../../src-main/core/live/live-hub';
import { openZmqReceiver } from '../../../../../src-main/core/live/zmq-receiver';

describe('ZeroMQ receiver problems, in words', () => {
  it('says when it cannot connect to the image stream, rather than failing the call', async () => {
    const hub = new LiveHub({
      resolve: async () => ({ image: 'tcp://127.0.0.1:not-a-port', state: 'tcp://127.0.0.1:1' }),
      open: openZmqReceiver,
      staleMs: 50,
    });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      await new Promise((r) => setTimeout(r, 60));
      const answer = await hub.frame(watchId, 100);
      expect(answer.frame).toBeNull();
      expect(answer.notice?.code).toBe('no-frames');
      expect(answer.notice?.message).toMatch(/This app cannot connect to the image stream tcp:\/\/127\.0\.0\.1:not-a-port: .+\.$/);
    } finally {
      await hub.close();
    }
  });

  it('says what is wrong with frames it cannot read', async () => {
    const push = new zmq.Push({ linger: 0 });
    await push.bind('tcp://127.0.0.1:*');
    const sending = setInterval(() => void push.send(['{"dtype":"uint8","shape":[2,2]}', Buffer.alloc(4), Buffer.alloc(1)]).catch(() => undefined), 20);
    const hub = new LiveHub({ resolve: async () => ({ image: push.lastEndpoint!, state: 'tcp://127.0.0.1:1' }), open: openZmqReceiver, staleMs: 200 });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      await expect
        .poll(async () => (await hub.frame(watchId, 100)).notice?.message, { timeout: 5000, interval: 50 })
        .toMatch(/The stream sends frames this app cannot read: a frame came in 3 parts, not 2 \(header and pixels\)\.$/);
    } finally {
      clearInterval(sending);
      await hub.close();
      push.close();
    }
  });
});
