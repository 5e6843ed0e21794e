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

  it('drops a backlog the rig queued for a reader slower than the camera, rather than showing old frames', async () => {
    const rig = await handRig({ side: 320, lagSeconds: 0 });
    try {
      const { watchId } = await rig.hub.watch('rig', 'FAKE0', 'full');
      const until = Date.now() + 1500;
      while (Date.now() < until) await rig.hub.frame(watchId, 500); // connected a while, reading every frame
      // 400 frames two seconds old land in the queue at once, as after the reader stalled.
      const old = Date.now() / 1000 - 2;
      await rig.queue(async (send) => {
        for (let i = 0; i < 400; i++) await send(old + i * 0.001);
      });
      const before = (await rig.hub.frame(watchId, 500)).stats.received;
      const ages: number[] = [];
      const settle = Date.now() + 1500;
      while (Date.now() < settle) {
        const answer = await rig.hub.frame(watchId, 500);
        if (answer.frame?.frameTime) ages.push(Date.now() - answer.frame.frameTime * 1000);
      }
      expect(ages.length).toBeGreaterThan(10);
      // Fresh frames only: the queue went with the dropped connection, unread.
      expect(Math.max(...ages)).toBeLessThan(1000);
      const last = await rig.hub.frame(watchId, 500);
      expect(last.stats.received - before).toBeLessThan(200); // about 75 fresh frames in 1.5 s, not the 400 queued as well
      // Said, not silent: the window tells why frames were skipped.
      expect(last.notice).toMatchObject({ code: 'falling-behind' });
      expect(last.notice!.message).toMatch(/^This PC reads camera FAKE0's frames slower than the camera sends them/);
    } finally {
      await rig.stop();
    }
  });

  it('keeps a connection whose frames are always late by the same amount: a slow link is not a backlog', async () => {
    // Every frame half a second behind the state stream.
    const rig = await handRig({ side: 64, lagSeconds: 0.5 });
    try {
      const { watchId } = await rig.hub.watch('rig', 'FAKE0', 'full');
      let frames = 0;
      const until = Date.now() + 3000;
      while (Date.now() < until) if ((await rig.hub.frame(watchId, 500)).frame) frames += 1;
      expect(frames).toBeGreaterThan(30);
      expect(rig.connections()).toBe(1);
      expect((await rig.hub.frame(watchId, 500)).notice).toBeNull();
    } finally {
      await rig.stop();
    }
  });
});

describe('ZeroMQ receiver and the state stream', () => {
  it('subscribes only while someone reads, so between previews the rig sends nothing, and a preview’s state is of its moment', async () => {
    const rig = await handRig({ side: 64, lagSeconds: 0 });
    try {
      const { watchId } = await rig.hub.watch('rig', 'FAKE0', 'preview');
      await new Promise((r) => setTimeout(r, 300));
      expect(rig.subscriptions()).toEqual([]); // watched, but nobody has asked for a frame yet
      const first = await rig.hub.frame(watchId, 2000);
      expect(first.frame).not.toBeNull();
      expect(first.state).toMatchObject({ isRecording: false });
      await expect.poll(() => rig.subscriptions()).toEqual(['subscribe j', 'unsubscribe j']);
      rig.setRecording(true);
      const askedAt = Date.now();
      const second = await rig.hub.frame(watchId, 2000);
      expect(second.state).toMatchObject({ isRecording: true });
      expect(second.state!.atMs).toBeGreaterThanOrEqual(askedAt);
      await expect.poll(() => rig.subscriptions().length).toBe(4);
    } finally {
      await rig.stop();
    }
  });

  it('lets go of the image stream as soon as a preview has its frame, while it waits a little for a state message', async () => {
    const rig = await handRig({ side: 64, lagSeconds: 0, silentState: true });
    try {
      const { watchId } = await rig.hub.watch('rig', 'FAKE0', 'preview');
      const answer = await rig.hub.frame(watchId, 2000);
      const answeredAt = Date.now();
      expect(answer.frame).not.toBeNull();
      expect(answer.state).toBeNull(); // none came
      await new Promise((r) => setTimeout(r, 300));
      // One connection, let go with the frame in hand, not after the wait for state (150 ms), and not made again meanwhile.
      expect(rig.connections()).toBe(1);
      expect(rig.disconnects()).toHaveLength(1);
      expect(answeredAt - rig.disconnects()[0]!).toBeGreaterThanOrEqual(100);
    } finally {
      await rig.stop();
    }
  });

  it('does not stay subscribed after a full view’s pull when its image stream cannot be connected to', async () => {
    const pub = new zmq.XPublisher({ linger: 0 });
    await pub.bind('tcp://127.0.0.1:*');
    const heard: string[] = [];
    const hearing = (async () => {
      for await (const [m] of pub) if (m) heard.push(`${m[0] === 1 ? 'subscribe' : 'unsubscribe'} ${m.subarray(1).toString()}`);
    })().catch(() => undefined);
    const hub = new LiveHub({ resolve: async () => ({ image: 'tcp://127.0.0.1:not-a-port', state: pub.lastEndpoint! }), open: openZmqReceiver });
    try {
      const { watchId } = await hub.watch('rig', 'FAKE0', 'full');
      expect((await hub.frame(watchId, 200)).frame).toBeNull();
      // Nothing reads on after the pull, so the rig is not kept sending state for the grace of a full view.
      await expect.poll(() => heard, { timeout: 1500 }).toEqual(['subscribe j', 'unsubscribe j']);
    } finally {
      await hub.close();
      pub.close();
      await hearing;
    }
  });

  it('stays subscribed while a full view reads', async () => {
    const rig = await handRig({ side: 64, lagSeconds: 0 });
    try {
      const { watchId } = await rig.hub.watch('rig', 'FAKE0', 'full');
      const until = Date.now() + 1000;
      while (Date.now() < until) await rig.hub.frame(watchId, 500);
      expect(rig.subscriptions()).toEqual(['subscribe j']);
      expect((await rig.hub.frame(watchId, 500)).state).toMatchObject({ isRecording: false });
    } finally {
      await rig.stop();
    }
  });
});

/**
 * A rig made by hand, with a long send queue (ZeroMQ's default is 1000 messages): every 20 ms
 * it publishes its state (frame time now) and pushes a side x side frame `lagSeconds` older.
 * `queue` sends more frames in order behind those; a hub reads it. Its publisher is an XPUB,
 * which hears the subscriptions that reach it; `silentState` keeps it from publishing.
 */
async function handRig({ side, lagSeconds, silentState = false }: { side: number; lagSeconds: number; silentState?: boolean }) {
  const push = new zmq.Push({ linger: 0, sendHighWaterMark: 1000 });
  const pub = new zmq.XPublisher({ linger: 0 });
  await push.bind('tcp://127.0.0.1:*');
  await pub.bind('tcp://127.0.0.1:*');
  let connections = 0;
  const disconnects: number[] = [];
  const counting = (async () => {
    for await (const event of push.events) {
      if (event.type === 'accept') connections += 1;
      if (event.type === 'disconnect') disconnects.push(Date.now());
    }
  })().catch(() => undefined);
  const subscriptions: string[] = [];
  const hearing = (async () => {
    for await (const [m] of pub) if (m) subscriptions.push(`${m[0] === 1 ? 'subscribe' : 'unsubscribe'} ${m.subarray(1).toString()}`);
  })().catch(() => undefined);
  let recording = false;
  const pixels = Buffer.alloc(side * side);
  let number = 0;
  const send = (frameTime: number) => push.send([JSON.stringify({ dtype: 'uint8', shape: [side, side], frame_number: ++number, frame_time: frameTime }), pixels]);
  let sending = Promise.resolve();
  const queue = (more: (send: (frameTime: number) => Promise<void>) => Promise<void>) => {
    const queued = sending.then(() => more(send));
    sending = queued.catch(() => undefined); // one failed send does not stop the ones after it
    return queued;
  };
  const live = setInterval(() => {
    const now = Date.now() / 1000;
    if (!silentState) void pub.send(['j', JSON.stringify({ frame_number: number, frame_time: now, is_recording: recording })]).catch(() => undefined);
    void queue(() => send(now - lagSeconds)).catch(() => undefined);
  }, 20);
  const hub = new LiveHub({ resolve: async () => ({ image: push.lastEndpoint!, state: pub.lastEndpoint! }), open: openZmqReceiver });
  return {
    hub,
    queue,
    connections: () => connections,
    /** When each reader of the image stream went away (ms). */
    disconnects: () => [...disconnects],
    subscriptions: () => [...subscriptions],
    setRecording: (on: boolean) => {
      recording = on;
    },
    async stop() {
      clearInterval(live);
      await hub.close();
      push.close();
      pub.close();
      await Promise.all([counting, hearing]);
    },
  };
}
