/**
 * kill -9 of the app core that applies the outbox, at random points while it queues and while it
 * applies: the other core takes the outbox over, nothing acknowledged is lost, nothing is sent
 * twice, and a change cut off mid-send is left for the user ("may have been applied").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../src-main/core/notice-board';
import { Outbox } from '../../../src-main/core/outbox/outbox';
import { OWNER_NOTE_NAME } from '../../../src-main/core/outbox/outbox-lease';
import { OutboxStore } from '../../../src-main/core/outbox/outbox-store';
import { confStoreFactory } from '../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../src-main/core/registry/rig-registry';
import { type SimRig } from '../../../src-main/sim';
import { CoreProcess } from './core-process';
import { seededRandom } from '../../../src-main/core/protocols/jitter';
import { startOneRig, type OneRig } from '../fixtures/one-rig';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const TRIALS = Number(process.env.RELIABILITY_KILL_TRIALS ?? 6);
const CHANGES = 30;

/** Repeatable choices: the same seed makes the same trials. */
const random = seededRandom;

let oneRig: OneRig;
let sim: SimRig;
beforeAll(async () => {
  oneRig = await startOneRig(KEY);
  sim = oneRig.sim;
});
afterAll(async () => {
  await oneRig.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of sim.events()) {
    if (e.kind !== 'request' || e.endpoint !== 'schedule/recording/start' || e.status !== 200) continue;
    const task = (e.args as { task_name?: string }).task_name ?? '';
    counts.set(task, (counts.get(task) ?? 0) + 1);
  }
  return counts;
}

describe('kill -9 of the outbox owner', { timeout: 120_000 }, () => {
  it(`loses and doubles nothing over ${TRIALS} trials`, async () => {
    const seed = Number(process.env.RELIABILITY_SEED ?? 20261130);
    const pick = random(seed);
    const dir = oneRig.tempDir('motif-kill-');
    const registry = new RigRegistry(new ConfigFile({ configDir: dir, factory: confStoreFactory, notices: new NoticeBoard() }));
    const rigId = registry.add({ name: 'Arena', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } }).id;
    let cores = await Promise.all([CoreProcess.start(dir, rigId, KEY), CoreProcess.start(dir, rigId, KEY)]);
    const store = new OutboxStore(dir);
    const acknowledged = new Set<string>();
    let interrupted = 0;
    let interruptedReached = 0;
    let wedged = 0;
    const ownerPid = () => {
      try {
        return (JSON.parse(readFileSync(join(dir, OWNER_NOTE_NAME), 'utf8')) as { pid: number }).pid;
      } catch {
        return undefined;
      }
    };
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        // Whoever holds the lease is the one to kill.
        const deadline = Date.now() + 20_000;
        while (!cores.some((c) => c.child.pid === ownerPid()) && Date.now() < deadline) await sleep(100);
        const owner = cores.find((c) => c.child.pid === ownerPid());
        expect(owner, 'an owner').toBeDefined();
        const standby = cores.find((c) => c !== owner)!;
        await sim.goOffline();
        const during = pick() < 0.5 ? 'queueing' : 'applying';
        if (during === 'queueing') {
          owner!.send(`enqueue t${trial}o ${CHANGES}`);
          const standbyDone = standby.ask(`enqueue t${trial}s ${CHANGES / 2}`, 'enqueued');
          await sleep(pick() * 1500);
          owner!.child.kill('SIGKILL');
          await standbyDone;
          await sim.comeBack();
        } else {
          await owner!.ask(`enqueue t${trial}o ${CHANGES}`, 'enqueued');
          // Each change takes a while on the wire, so the cut often falls mid-send.
          sim.setFault('latency=120@^schedule/recording/start$');
          await sim.comeBack();
          // The owner notices within a couple of seconds and applies; cut it off somewhere in that.
          await sleep(500 + pick() * 3000);
          owner!.child.kill('SIGKILL');
          sim.clearFaults();
        }
        await owner!.done;
        const ours = (t: string) => t.startsWith(`t${trial}o-`) || t.startsWith(`t${trial}s-`);
        for (const t of [...owner!.queuedSoFar(), ...standby.queuedSoFar()]) if (ours(t)) acknowledged.add(t);
        const replacement = CoreProcess.start(dir, rigId, KEY);

        // Act as the user for changes cut off mid-send: check the rig, then cancel or retry.
        const settleBy = Date.now() + 40_000;
        let settled = false;
        while (Date.now() < settleBy) {
          const entries = await store.read();
          const cut = entries.filter((e) => e.state === 'failed' && /stopped while sending|may have been applied/.test(e.error?.message ?? ''));
          if (cut.length > 0) {
            const counts = deliveries();
            const user = new Outbox({ configDir: dir, clientFor: () => Promise.reject(new Error('the user only decides')), rigName: () => 'Arena' });
            for (const e of cut) {
              interrupted++;
              const reached = counts.has(String(e.args.task_name));
              if (reached) interruptedReached++;
              await (reached ? user.cancel(e.id) : user.retry(e.id));
            }
            await user.close();
          }
          if (entries.every((e) => e.state === 'applied') && cut.length === 0) {
            settled = true;
            break;
          }
          await sleep(300);
        }
        if (!settled) wedged++;
        cores = [standby, await replacement];
      }
      const counts = deliveries();
      const lost = [...acknowledged].filter((t) => !counts.has(t)).length;
      const doubled = [...counts.values()].filter((n) => n > 1).length;
      console.log(
        `kill -9 trials: ${TRIALS} (seed ${seed}), changes ${acknowledged.size}, delivered ${counts.size}, lost ${lost}, doubled ${doubled}, ` +
          `wedged ${wedged}, cut off mid-send ${interrupted} (had reached the rig: ${interruptedReached})`,
      );
      expect(lost).toBe(0);
      expect(doubled).toBe(0);
      expect(wedged).toBe(0);
    } finally {
      await Promise.all(cores.map((c) => c.exit()));
    }
  });
});
