import { describe, expect, it } from 'vitest';
import { ok } from '../../../../../src-main/contract/errors';
import type { AppNotice } from '../../../../../src-main/contract/requests/app';
import { DesktopAlerts } from '../../../../../src-main/core/alerts/desktop-alerts';
import type { Caller } from '../../../../../src-main/core/dispatch';
import { EventBus } from '../../../../../src-main/core/event-bus';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';

/** A dispatch answering only the notices kept from before; nothing else is called here. */
function fakeCall(kept: AppNotice[]): Caller {
  return ((name: string) => Promise.resolve(ok(name === 'app.notices' ? kept : undefined))) as Caller;
}

describe('desktop notifications of alerts', () => {
  it('tells each alert that needs someone, raised while the app runs, once, with rig, camera, message and advice; not info, not the ones kept from before', async () => {
    const events = new EventBus();
    const board = new NoticeBoard();
    board.onChange((list) => events.emit('app.notices.changed', list));
    const kept: AppNotice = { id: 'notice-old', level: 'error', message: 'old news', at: '2020-01-01T00:00:00.000Z', rigName: 'Arena 1' };
    const told: [string, string][] = [];
    // No tray here: the notifications do not need one.
    const alerts = new DesktopAlerts(fakeCall([kept]), events, (title, body) => told.push([title, body]));
    await alerts.load();
    events.emit('app.notices.changed', [kept]);
    board.raise('error', 'Recording trial-1 on Arena 1 camera FAKE0 stopped: disk 95 % full (Motif stops recording above 94 %).', {
      rigId: 'rig-1',
      rigName: 'Arena 1',
      serial: 'FAKE0',
      advice: 'Copy recordings off the rig.',
    });
    board.raise('info', 'Arena 3 is back: the change kept for it was sent.', { rigId: 'rig-3', rigName: 'Arena 3', advice: 'Nothing to do.' });
    board.raise('warning', 'The disk of Arena 2 is 88 % full.', { rigId: 'rig-2', rigName: 'Arena 2' });
    alerts.dispose();
    board.raise('error', 'after dispose', { rigName: 'Arena 1' });
    expect(told).toEqual([
      ['Arena 1 · camera FAKE0', 'Recording trial-1 on Arena 1 camera FAKE0 stopped: disk 95 % full (Motif stops recording above 94 %).\nCopy recordings off the rig.'],
      ['Arena 2', 'The disk of Arena 2 is 88 % full.'],
    ]);
  });
});
