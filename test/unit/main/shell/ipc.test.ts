import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL } from '../../../../src-main/contract/channels';
import { EventBus } from '../../../../src-main/core/event-bus';
import { ok } from '../../../../src-main/contract/errors';
import type { Dispatch } from '../../../../src-main/core/dispatch';
import { forwardEvents, registerIpc } from '../../../../src-main/shell/ipc';
import { FakeWebContents } from './fake-electron';

describe('forwardEvents', () => {
  it('pushes core events to live windows only, until unsubscribed', () => {
    const bus = new EventBus();
    const live = new FakeWebContents();
    const dead = new FakeWebContents();
    dead.destroyed = true;
    // The fakes implement the members forwardEvents uses.
    const stop = forwardEvents(bus, () => [live, dead] as never);
    bus.emit('rigs.changed', { rigs: [] });
    expect(live.sent).toEqual([[EVENT_CHANNEL, 'rigs.changed', { rigs: [] }]]);
    expect(dead.sent).toEqual([]);
    stop();
    bus.emit('rigs.changed', { rigs: [] });
    expect(live.sent).toHaveLength(1);
  });
});

describe('registerIpc', () => {
  /** The IPC handler as Electron would call it, for a window's contents. */
  function gate(dispatch: Dispatch) {
    let handler: ((event: unknown, name: unknown, args: unknown) => Promise<unknown>) | null = null;
    const ipcMain = {
      handle: (_channel: string, h: typeof handler) => (handler = h),
      removeHandler: () => (handler = null),
    };
    // The fake implements the members registerIpc uses.
    registerIpc(ipcMain as never, dispatch, () => true);
    return (contents: FakeWebContents, name: string, args: unknown) => handler!({ sender: Object.assign(contents, { id: 7 }) }, name, args);
  }

  it('ends the live watches a page left open when it reloads or closes', async () => {
    const released: unknown[] = [];
    const dispatch: Dispatch = async (name, args) => {
      if (name === 'live.unwatch') released.push(args);
      return name === 'live.watch' ? ok({ watchId: 'w1', endpoints: { image: 'tcp://127.0.0.1:1', state: 'tcp://127.0.0.1:2' } }) : ok({ closed: true });
    };
    const call = gate(dispatch);
    const page = new FakeWebContents();
    await call(page, 'live.watch', { rigId: 'r', serial: 'FAKE0' });
    expect(released).toEqual([]);
    page.emit('did-navigate');
    await new Promise((r) => setImmediate(r));
    expect(released).toEqual([{ watchId: 'w1' }]);

    // The reloaded page is a new connection: its watch ends when the window closes.
    await call(page, 'live.watch', { rigId: 'r', serial: 'FAKE0' });
    page.emit('destroyed');
    await new Promise((r) => setImmediate(r));
    expect(released).toEqual([{ watchId: 'w1' }, { watchId: 'w1' }]);
  });
});
