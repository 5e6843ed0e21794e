/**
 * Two app cores on one config folder (the Electron app and browser mode): a queued change is
 * applied by exactly one of them, counted on the simulated rig.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../src-main/core/notice-board';
import { confStoreFactory } from '../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../src-main/core/registry/rig-registry';
import { OutboxStore } from '../../../src-main/core/outbox/outbox-store';
import { type SimRig } from '../../../src-main/sim';
import { CoreProcess } from './core-process';
import { startOneRig, type OneRig } from '../fixtures/one-rig';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';

let oneRig: OneRig;
let sim: SimRig;
beforeAll(async () => {
  oneRig = await startOneRig(KEY);
  sim = oneRig.sim;
});
afterAll(async () => {
  await oneRig.stop();
});

/** A config folder with the simulated rig in its list; its id. */
function configWithRig(): { dir: string; rigId: string } {
  const dir = oneRig.tempDir('motif-cores-');
  const registry = new RigRegistry(new ConfigFile({ configDir: dir, factory: confStoreFactory, notices: new NoticeBoard() }));
  const rig = registry.add({ name: 'Arena', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } });
  return { dir, rigId: rig.id };
}

/** How often each task reached the rig. */
function deliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of sim.events()) {
    if (e.kind !== 'request' || e.endpoint !== 'schedule/recording/start' || e.status !== 200) continue;
    const task = (e.args as { task_name?: string }).task_name ?? '';
    counts.set(task, (counts.get(task) ?? 0) + 1);
  }
  return counts;
}

async function until(probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('two app cores on one config folder', { timeout: 90_000 }, () => {
  it('apply each queued change exactly once, all of it by one of them', async () => {
    const { dir, rigId } = configWithRig();
    sim.reset();
    const cores = await Promise.all([CoreProcess.start(dir, rigId, KEY), CoreProcess.start(dir, rigId, KEY)]);
    try {
      const a = cores[0]!;
      const b = cores[1]!;
      const online = async () => (await Promise.all(cores.map((c) => c.ask('state', 'rigState')))).every((s) => s.rigState === 'online');
      expect(await until(online, 20_000)).toBe(true);
      await sim.goOffline();
      const offline = async () => (await Promise.all(cores.map((c) => c.ask('state', 'rigState')))).every((s) => s.rigState === 'offline');
      expect(await until(offline, 20_000)).toBe(true);

      const each = 100;
      const [qa, qb] = await Promise.all([a.ask(`enqueue a ${each}`, 'enqueued'), b.ask(`enqueue b ${each}`, 'enqueued')]);
      expect([qa.other, qb.other]).toEqual([[], []]);
      const queued = [...a.queuedSoFar(), ...b.queuedSoFar()];
      sim.reset();
      await sim.comeBack();

      const store = new OutboxStore(dir);
      const settled = await until(async () => (await store.read()).every((e) => e.state === 'applied' || e.state === 'failed'), 60_000);
      const counts = deliveries();
      const [sa, sb] = await Promise.all([a.ask('state', 'sent'), b.ask('state', 'sent')]);
      const lost = queued.filter((t) => !counts.has(t)).length;
      const doubled = [...counts.values()].filter((n) => n > 1).length;
      console.log(
        `two cores, one outbox: changes queued ${queued.length}, delivered ${counts.size}, lost ${lost}, doubled ${doubled}, ` +
          `sent by core A ${String(sa.sent)}, by core B ${String(sb.sent)}`,
      );
      expect(settled).toBe(true);
      expect(lost).toBe(0);
      expect(doubled).toBe(0);
      // Only the outbox's owner applies it; the other only queues.
      expect(Math.min(Number(sa.sent), Number(sb.sent))).toBe(0);
    } finally {
      await Promise.all(cores.map((c) => c.exit()));
    }
  });
});
