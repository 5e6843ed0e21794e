import { describe, expect, it } from 'vitest';
import { ok } from '../../../../../src-main/contract/errors';
import type { AppNotice } from '../../../../../src-main/contract/requests/app';
import type { Caller } from '../../../../../src-main/core/dispatch';
import { EventBus } from '../../../../../src-main/core/event-bus';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { TrayController, type TrayView } from '../../../../../src-main/core/tray/tray-controller';

/** A dispatch answering only what the tray reads at load; nothing else is called here. */
function fakeCall(kept: AppNotice[]): Caller {
  const answers: Record<string, unknown> = { 'rigs.list': [], 'status.list': [], 'app.notices': kept };
  return ((name: string) => Promise.resolve(ok(answers[name]))) as Caller;
}

describe('TrayController desktop notifications', () => {
  it('tells each alert raised while the app runs once, with rig, camera, message and advice; not the ones kept from before', async () => {
    const events = new EventBus();
    const board = new NoticeBoard();
    board.onChange((list) => events.emit('app.notices.changed', list));
    const kept: AppNotice = { id: 'notice-old', level: 'error', message: 'old news', at: '2020-01-01T00:00:00.000Z', rigName: 'Arena 1' };
    const told: [string, string][] = [];
    const view: TrayView = { render: () => {}, notify: (title, body) => told.push([title, body]) };
    const tray = new TrayController(fakeCall([kept]), events, view, () => {});
    await tray.load();
    events.emit('app.notices.changed', [kept]);
    board.raise('error', 'Recording trial-1 on Arena 1 camera FAKE0 stopped: disk 95 % full (Motif stops recording above 94 %).', {
      rigId: 'rig-1',
      rigName: 'Arena 1',
      serial: 'FAKE0',
      advice: 'Copy recordings off the rig.',
    });
    board.raise('warning', 'The disk of Arena 2 is 88 % full.', { rigId: 'rig-2', rigName: 'Arena 2' });
    tray.dispose();
    expect(told).toEqual([
      ['Arena 1 · camera FAKE0', 'Recording trial-1 on Arena 1 camera FAKE0 stopped: disk 95 % full (Motif stops recording above 94 %).\nCopy recordings off the rig.'],
      ['Arena 2', 'The disk of Arena 2 is 88 % full.'],
    ]);
  });
});
