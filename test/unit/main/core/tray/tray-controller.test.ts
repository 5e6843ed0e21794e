import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../secrets/memory-keychain';
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

describe('TrayController actions over many rigs', () => {
  it('says in the menu how many rigs answered as their outcomes come, the slow rig last, then notifies once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-tray-'));
    const core = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(new MemoryKeychain(), { cacheMs: 0 }) });
    try {
      const added = await core.call('demo.start', { count: 2 });
      if (!added.ok) throw new Error(added.error.message);
      const rigs = added.value.rigs;
      await core.call('status.refresh', {});
      core.simulated.rig(rigs[0]!.id)!.setFault('latency=800@^recording/start$');
      const progressLines: string[] = [];
      const told: [string, string][] = [];
      let lastTooltip = '';
      const view: TrayView = {
        render: (model) => {
          const line = model.items.find((i) => i.kind === 'label' && i.label.startsWith('Starting recording'));
          if (line?.kind === 'label' && progressLines.at(-1) !== line.label) progressLines.push(line.label);
          lastTooltip = model.tooltip;
        },
        notify: (title, body) => told.push([title, body]),
      };
      const tray = new TrayController(core.call, core.events, view, () => {});
      await tray.load();
      await tray.run({ kind: 'start', rigIds: rigs.map((r) => r.id) });
      await new Promise((r) => setTimeout(r, 300)); // the menu's last render
      tray.dispose();
      // The fast rig's answer shows while the slow one is under way; once all answered, the line goes.
      expect(progressLines).toEqual(['Starting recording: 0 of 2 rigs answered', 'Starting recording: 1 of 2 rigs answered']);
      expect(lastTooltip).not.toContain('Starting recording');
      expect(told).toEqual([['Recording started', rigs.map((r) => r.name).join(', ')]]);
      await core.call('recording.stop', { targets: rigs.map((r) => ({ rigId: r.id })) });
    } finally {
      await core.close();
    }
  });
});
