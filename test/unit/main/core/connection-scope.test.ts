import { describe, expect, it } from 'vitest';
import { connectionScope } from '../../../../src-main/core/connection-scope';
import { makeDispatch } from '../../../../src-main/core/dispatch';
import { LiveHub } from '../../../../src-main/core/live/live-hub';
import { liveHandlers } from '../../../../src-main/core/live/live-handlers';
import type { Pulled, Receiver } from '../../../../src-main/core/live/receiver';
import { silentLogger } from '../../../../src-main/core/logger';

/** A hub whose receivers never get a frame, counting the streams open. */
function liveCore() {
  let open = 0;
  const receiver = (): Receiver => {
    open++;
    return {
      pull: async (): Promise<Pulled> => ({ frame: null, latestSeq: 0, state: null, missed: 0, sharedBy: null, lastFrameAtMs: null, problem: null, histogram: null, lastBacklogAtMs: null }),
      close: async () => {
        open--;
      },
    };
  };
  const hub = new LiveHub({ resolve: async () => ({ image: 'tcp://127.0.0.1:5000', state: 'tcp://127.0.0.1:5001' }), open: receiver });
  const calls: string[] = [];
  const dispatch = makeDispatch(liveHandlers(hub), silentLogger);
  const counted: typeof dispatch = (name, args) => {
    calls.push(String(name));
    return dispatch(name, args);
  };
  return { hub, dispatch: counted, calls, streams: () => open };
}

describe('a connection releases what its page opened', () => {
  it('ends the watches of a page that went without unwatching, so their streams close', async () => {
    const core = liveCore();
    const scope = connectionScope(core.dispatch);
    const first = await scope.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE0' });
    await scope.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE1' });
    expect(first.ok).toBe(true);
    expect(core.hub.counts).toEqual({ watchers: 2, cameras: 2 });
    expect(core.streams()).toBe(2);

    await scope.close();
    expect(core.hub.counts).toEqual({ watchers: 0, cameras: 0 });
    expect(core.streams()).toBe(0);
    await core.hub.close();
  });

  it('leaves another connection’s watch of the same camera open', async () => {
    const core = liveCore();
    const a = connectionScope(core.dispatch);
    const b = connectionScope(core.dispatch);
    await a.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE0' });
    await b.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE0' });
    await a.close();
    expect(core.hub.counts).toEqual({ watchers: 1, cameras: 1 });
    expect(core.streams()).toBe(1);
    await b.close();
    expect(core.streams()).toBe(0);
    await core.hub.close();
  });

  it('does not release again what the page released itself', async () => {
    const core = liveCore();
    const scope = connectionScope(core.dispatch);
    const watched = await scope.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE0' });
    if (!watched.ok) throw new Error('watch failed');
    const { watchId } = watched.value as { watchId: string };
    await scope.dispatch('live.unwatch', { watchId });
    core.calls.length = 0;
    await scope.close();
    expect(core.calls).toEqual([]);
    await core.hub.close();
  });

  it('releases at once a watch whose answer came after the connection ended', async () => {
    const core = liveCore();
    const scope = connectionScope(core.dispatch);
    const watching = scope.dispatch('live.watch', { rigId: 'rig', serial: 'FAKE0' });
    await scope.close();
    expect((await watching).ok).toBe(true);
    expect(core.hub.counts.watchers).toBe(0);
    expect(core.streams()).toBe(0);
    await core.hub.close();
  });
});
