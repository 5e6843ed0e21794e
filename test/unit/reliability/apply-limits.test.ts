/**
 * Reliability: a protocol file with far more tasks than a rig should carry (10,000 output
 * actions, a careless generator) never floods the rig: above the checks' limit an apply runs
 * only with the count confirmed (the window's confirmation, motifctl's --confirm-tasks), and
 * above the ceiling never; a refused apply sends nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import type { RigOutcome } from '../../../src-main/core/protocols/outcomes';
import { runRigCommand } from '../main/cli/commands/run-commands';
import { KEY, startApp, type App } from './app-fixture';

let app: App;
beforeAll(async () => {
  app = await startApp({ cameras: 1 });
});
afterAll(async () => {
  await app.close();
});

const pad = (n: number) => String(n).padStart(2, '0');
/** One output task per action, each at its own minute of the day (repeating after 1,440). */
const protocolOf = (name: string, tasks: number) => ({
  version: 1,
  name,
  actions: Array.from({ length: tasks }, (_, i) => ({
    when: { times: [`${pad(Math.floor(i / 60) % 24)}:${pad(i % 60)}:${pad(Math.floor(i / 1440) % 60)}`] },
    do: { kind: 'output', output: 'led', value: 1 },
  })),
});

describe('reliability: how many tasks one apply may send', { timeout: 120_000 }, () => {
  it('refuses above the limit unless confirmed and above the ceiling always, sending nothing; the window and motifctl alike', async () => {
    const { rigId, sim } = app;
    const scheduleCalls = () => sim.events().filter((e) => e.kind === 'request' && e.endpoint.startsWith('schedule/') && e.method !== 'GET').length;
    const apply = async (protocol: object, confirmTasks?: number) => {
      const r = (await app.call('protocols.apply', { ref: { protocol }, rigs: [{ rigId }], ...(confirmTasks ? { confirmTasks } : {}) })) as Result<RigOutcome[]>;
      if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message, details: r.error.details };
      const [o] = r.value;
      return { ok: o!.ok, code: o!.ok ? 'ok' : o!.error!.code, message: o!.ok ? '' : o!.error!.message, details: o!.ok ? undefined : o!.error!.details };
    };
    const before = scheduleCalls();
    const huge = await apply(protocolOf('huge', 10_000));
    const hugeConfirmed = await apply(protocolOf('huge', 10_000), 1000);
    const many = await apply(protocolOf('many', 150));
    const underConfirmed = await apply(protocolOf('many', 150), 120);
    const refusedCalls = scheduleCalls() - before;

    const env = { MOTIF_HOST: sim.info.host, MOTIF_PORT: String(sim.info.port), MOTIF_API_KEY: KEY, MOTIF_FINGERPRINT: sim.info.fingerprint256, MOTIF_CONTROL_CONFIG_DIR: app.dir };
    const folder = mkdtempSync(join(tmpdir(), 'motif-limits-'));
    const file = (name: string, tasks: number) => {
      const f = join(folder, `${name}.json`);
      writeFileSync(f, JSON.stringify(protocolOf(name, tasks)));
      return f;
    };
    const cliHuge = await runRigCommand(['protocol', 'apply', file('cli-huge', 10_000), '--confirm-tasks', '1000'], env);
    const cliMany = await runRigCommand(['protocol', 'apply', file('cli-many', 150)], env);
    const cliRefusedCalls = scheduleCalls() - before - refusedCalls;

    const confirmed = await apply(protocolOf('many', 150), 150);
    const cliConfirmed = await runRigCommand(['protocol', 'apply', file('cli-many', 150), '--confirm-tasks', '150'], env);
    const tasksOnRig = sim.state.tasks.length;
    console.log(
      `apply limits: 10,000-task protocol refused ${[huge, hugeConfirmed].filter((r) => !r.ok).length} of 2 (also confirmed), ` +
        `150 tasks unconfirmed or under-confirmed refused ${[many, underConfirmed].filter((r) => !r.ok).length} of 2, motifctl refused ` +
        `${[cliHuge, cliMany].filter((r) => r.code !== 0).length} of 2; schedule calls while refused ${refusedCalls + cliRefusedCalls}; ` +
        `confirmed 150 (window, motifctl): ${confirmed.ok ? 'applied' : confirmed.message}, ${cliConfirmed.code === 0 ? 'applied' : cliConfirmed.stderr}; tasks on the rig ${tasksOnRig}`,
    );
    expect(huge).toMatchObject({ ok: false, code: 'invalid-args', details: { reason: 'too-many-tasks', tasks: 10_000, ceiling: 1000 } });
    expect(huge.message).toMatch(/would put 10,000 tasks on Arena; this app never applies more than 1,000/);
    expect(hugeConfirmed).toMatchObject({ ok: false, code: 'invalid-args' });
    expect(many).toMatchObject({ ok: false, code: 'invalid-args', details: { tasks: 150, limit: 100 } });
    expect(many.message).toMatch(/would put 150 tasks on Arena, more than the 100 the checks advise.*--confirm-tasks 150/);
    expect(underConfirmed.ok).toBe(false);
    expect(cliHuge.code).not.toBe(0);
    expect(cliHuge.stderr).toMatch(/never applies more than 1,000/);
    expect(cliMany.code).not.toBe(0);
    expect(cliMany.stderr).toMatch(/confirm 150 tasks/);
    expect(refusedCalls + cliRefusedCalls).toBe(0);
    expect(confirmed.ok).toBe(true);
    expect(cliConfirmed.code, cliConfirmed.stderr).toBe(0);
    expect(tasksOnRig).toBe(300);
  });
});
