import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../secrets/memory-keychain';
import { TrayController, type TrayView } from '../../../../../src-main/core/tray/tray-controller';

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
