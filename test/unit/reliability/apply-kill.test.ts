/**
 * kill -9 of `motifctl protocol apply` and of an app core applying, at random points of a
 * 300-task apply: the apply's intent was recorded before the first call, so the tasks it left
 * on the rig are the app's own. Applying again completes the protocol (exactly its 300 tasks,
 * not refused as "already has tasks"); removing it takes every one off.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../src-main/core/notice-board';
import { confStoreFactory } from '../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../src-main/core/registry/rig-registry';
import { type SimRig } from '../../../src-main/sim';
import { runRigCommand } from '../main/cli/commands/run-commands';
import { CoreProcess } from './core-process';
import { startChild } from './run-child';
import { seededRandom } from '../../../src-main/core/protocols/jitter';
import { startOneRig, type OneRig } from '../fixtures/one-rig';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const TRIALS = Number(process.env.RELIABILITY_APPLY_KILL_TRIALS ?? 6);
const TASKS = 300;

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
const pad = (n: number) => String(n).padStart(2, '0');
const protocolOf = (name: string) => ({
  version: 1,
  name,
  actions: Array.from({ length: TASKS }, (_, i) => ({ when: { times: [`${pad(Math.floor(i / 60) % 24)}:${pad(i % 60)}`] }, do: { kind: 'output', output: 'led', value: 1 } })),
});

describe('kill -9 in the middle of a protocol apply', { timeout: 300_000 }, () => {
  it(`leaves nothing nobody owns over ${TRIALS} trials of motifctl and the app`, async () => {
    const pick = random(Number(process.env.RELIABILITY_SEED ?? 20261207));
    const dir = oneRig.tempDir('motif-apply-kill-');
    const registry = new RigRegistry(new ConfigFile({ configDir: dir, factory: confStoreFactory, notices: new NoticeBoard() }));
    const rigId = registry.add({ name: 'Arena', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } }).id;
    const env = { MOTIF_HOST: sim.info.host, MOTIF_PORT: String(sim.info.port), MOTIF_API_KEY: KEY, MOTIF_FINGERPRINT: sim.info.fingerprint256, MOTIF_CONTROL_CONFIG_DIR: dir };
    const files = { cli: join(dir, 'killed-cli.json'), app: join(dir, 'killed-app.json') };
    writeFileSync(files.cli, JSON.stringify(protocolOf('killed-cli')));
    writeFileSync(files.app, JSON.stringify(protocolOf('killed-app')));
    const onRig = (actor: 'cli' | 'app') => sim.state.tasks.filter((t) => t.name.startsWith(`mc-killed-${actor}-`)).length;
    const recordState = (actor: 'cli' | 'app') => {
      try {
        const file = JSON.parse(readFileSync(join(dir, 'protocols-applied.json'), 'utf8')) as { applied: { slug: string; state?: string; tasks: unknown[] }[] };
        const r = file.applied.find((a) => a.slug === `killed-${actor}`);
        return r ? `${r.state ?? 'applied'} (${r.tasks.length} tasks)` : 'none';
      } catch {
        return 'none';
      }
    };
    const scheduleCalls = () => sim.events().filter((e) => e.kind === 'request' && e.endpoint.startsWith('schedule/') && e.method === 'POST').length;
    // Each task a little while on the wire, so a cut falls somewhere in the apply.
    sim.setFault('latency=8@^schedule/');
    const lines: string[] = [];
    const wrong: string[] = [];
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        const actor = trial % 2 === 0 ? 'cli' : 'app';
        const recovery = Math.floor(trial / 2) % 2 === 0 ? 'apply again' : 'remove';
        const callsBefore = scheduleCalls();
        const killer = actor === 'cli'
          ? startChild(join(process.cwd(), 'src-main', 'cli', 'motifctl.ts'), ['protocol', 'apply', files.cli, '--confirm-tasks', String(TASKS)], env)
          : await (async () => {
              const core = await CoreProcess.start(dir, rigId, KEY);
              core.send(`apply ${files.app} ${TASKS}`);
              return { child: core.child, done: core.done };
            })();
        // Once the first task went out, cut it off somewhere in the next 2.5 s.
        const started = Date.now();
        while (scheduleCalls() === callsBefore && Date.now() - started < 30_000) await sleep(20);
        await sleep(pick() * 2500);
        killer.child.kill('SIGKILL');
        await killer.done;
        const left = onRig(actor);
        const record = recordState(actor);

        let ok: boolean;
        if (actor === 'cli') {
          const r = await runRigCommand(recovery === 'remove' ? ['protocol', 'remove', files.cli] : ['protocol', 'apply', files.cli, '--confirm-tasks', String(TASKS)], env);
          ok = r.code === 0;
          if (!ok) wrong.push(`trial ${trial} (${actor}, ${recovery}): exit ${r.code}: ${r.stderr.trim()}`);
        } else {
          const core = await CoreProcess.start(dir, rigId, KEY);
          const answer = recovery === 'remove' ? await core.ask(`remove ${files.app}`, 'removed') : await core.ask(`apply ${files.app} ${TASKS}`, 'applied');
          await core.exit();
          const result = (answer.removed ?? answer.applied) as { ok: boolean; value?: { ok: boolean; error?: { message: string } }[] };
          ok = result.ok && (result.value ?? []).every((o) => o.ok);
          if (!ok) wrong.push(`trial ${trial} (${actor}, ${recovery}): ${JSON.stringify(result).slice(0, 400)}`);
        }
        const after = onRig(actor);
        const want = recovery === 'remove' ? 0 : TASKS;
        if (after !== want) wrong.push(`trial ${trial} (${actor}, ${recovery}): ${after} tasks on the rig, not ${want}`);
        lines.push(`${actor} killed with ${left} on the rig (record: ${record}), ${recovery}: ${after}`);
        // A clean start for the next trial of this actor.
        if (after > 0) {
          if (actor === 'cli') await runRigCommand(['protocol', 'remove', files.cli], env);
          else {
            const core = await CoreProcess.start(dir, rigId, KEY);
            await core.ask(`remove ${files.app}`, 'removed');
            await core.exit();
          }
        }
      }
    } finally {
      sim.clearFaults();
    }
    console.log(`protocol apply killed mid-way: ${TRIALS} trials (${TASKS} tasks each); ${lines.join('; ')}; wrong ${wrong.length}`);
    expect(wrong).toEqual([]);
  });
});
