/**
 * The simulator's six faults (latency, hang, http500, garbage, reset, offline) while commands
 * run through the app core: every call answers within its bound with the error a user can act
 * on, reads are not held up by a hung command, safe changes wait in the outbox and are applied
 * once when the fault ends, and the rig is usable again at once after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import { startApp, until, type App } from './app-fixture';

type Outcome = { ok: boolean; delivery?: string; error?: { code: string } };
const CALL_BOUND_MS = 10_000 + 4_000; // the connector's response timeout, and room for a loaded machine

let app: App;
beforeAll(async () => {
  app = await startApp({ cameras: 2 });
  await until(() => app.core.monitoring.monitor.get(app.rigId)?.state === 'online', 15_000);
});
afterAll(async () => {
  await app.close();
});

const tally = { faults: 0, commands: 0, inTime: 0, wedged: 0, queued: 0, delivered: 0, doubled: 0, wrongCode: [] as string[] };

async function run(name: string, args: unknown): Promise<{ codes: string[]; ms: number }> {
  tally.commands++;
  const started = Date.now();
  const r = await Promise.race([
    app.call(name, args) as Promise<Result<Outcome[]>>,
    new Promise<'wedged'>((resolve) => setTimeout(() => resolve('wedged'), CALL_BOUND_MS + 10_000)),
  ]);
  const ms = Date.now() - started;
  if (r === 'wedged') {
    tally.wedged++;
    return { codes: ['wedged'], ms };
  }
  if (ms <= CALL_BOUND_MS) tally.inTime++;
  const codes = !r.ok ? [r.error.code] : Array.isArray(r.value) ? r.value.map((o) => (o.ok ? (o.delivery ?? 'sent') : o.error!.code)) : ['sent'];
  return { codes, ms };
}

const FAULTS: [string, string | 'offline', string, string][] = [
  // fault, how it is set, what a time-critical command gets, what a safe (queueable) change gets
  ['latency', 'latency=1200', 'sent', 'sent'],
  ['hang', 'hang@(recording/|configure)', 'rig-timeout', 'rig-timeout'],
  ['http500', 'http500@(recording/|configure)', 'rig-error', 'rig-error'],
  ['garbage', 'garbage@(recording/|configure)', 'rig-bad-response', 'rig-bad-response'],
  ['reset', 'reset@(recording/|configure)', 'rig-unreachable', 'queued'],
  ['offline', 'offline', 'rig-unreachable', 'queued'],
];

describe('the simulator’s faults while commands run', { timeout: 120_000 }, () => {
  it.each(FAULTS)('%s', async (label, fault, timeCritical, safe) => {
    const { rigId, sim } = app;
    const serials = sim.info.serials;
    tally.faults++;
    const gain = 10 + tally.faults;
    if (fault === 'offline') {
      await sim.goOffline();
      await until(() => app.core.monitoring.monitor.get(rigId)?.state === 'offline', 15_000);
    } else sim.setFault(fault);

    let start: Awaited<ReturnType<typeof run>>, configure: Awaited<ReturnType<typeof run>>, read: Awaited<ReturnType<typeof run>> | undefined;
    try {
      [start, configure, read] = await Promise.all([
        run('recording.start', { targets: serials.map((serial) => ({ rigId, serial })), options: {} }),
        run('cameras.configure', { targets: [{ rigId, serial: serials[0]! }], params: { Gain: gain } }),
        // A read while commands hang: it has connections of its own.
        fault.startsWith('hang') ? run('outputs.read', { target: { rigId } }) : Promise.resolve(undefined),
      ]);
      for (const [what, got, want] of [
        ['recording.start', start, timeCritical],
        ['cameras.configure', configure, safe],
      ] as const) {
        if (!got.codes.every((c) => c === want)) tally.wrongCode.push(`${label} ${what}: ${got.codes.join()} (expected ${want})`);
      }
      if (read) {
        expect(read.codes).toEqual(['sent']);
        expect(read.ms).toBeLessThan(3_000);
      }
      if (label === 'latency') expect(app.core.monitoring.monitor.get(rigId)?.state).toBe('online');
    } finally {
      // The fault ends: the rig is usable at once, and what waited is applied once.
      if (fault === 'offline') await sim.comeBack();
      else sim.clearFaults();
    }
    // Back from offline, the monitor must see it first: until then time-critical commands are refused without trying.
    if (fault === 'offline') await app.call('status.refresh', { rigId });
    const after = await run('recording.stop', { targets: serials.map((serial) => ({ rigId, serial })) });
    expect(after.codes).toEqual(serials.map(() => 'sent'));
    if (safe === 'queued') {
      tally.queued++;
      await until(async () => {
        const r = (await app.call('outbox.list', { rigId })) as Result<{ entries: { state: string }[] }>;
        return r.ok && r.value.entries.every((e) => e.state === 'applied');
      }, 20_000);
      const sent = sim.events().filter((e) => e.endpoint === `camera/${serials[0]}/configure` && e.status === 200 && (e.args as { Gain?: number }).Gain === gain);
      if (sent.length === 1) tally.delivered++;
      if (sent.length > 1) tally.doubled++;
    }
    await until(() => app.core.monitoring.monitor.get(rigId)?.state === 'online', 15_000);
  });

  it('counts', () => {
    console.log(
      `sim faults: ${tally.faults}, commands ${tally.commands}, answered in time ${tally.inTime}, wedged ${tally.wedged}, ` +
        `queued ${tally.queued}, delivered once ${tally.delivered}, doubled ${tally.doubled}, wrong answers ${tally.wrongCode.length}`,
    );
    expect(tally.wrongCode).toEqual([]);
    expect(tally.wedged).toBe(0);
    expect(tally.inTime).toBe(tally.commands);
    expect(tally.doubled).toBe(0);
    expect(tally.delivered).toBe(tally.queued);
  });
});
