/**
 * Reliability: inputs the rig would refuse anyway are refused here first, with a sentence,
 * before anything crosses the network or waits in the outbox: a date outside the years the
 * rig's cron engine takes (1970-2099), and a request body larger than a rig takes (metadata of
 * several megabytes), whichever request carries it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import { startApp, until, type App } from './app-fixture';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

type Outcomes = { ok: boolean; error?: { code: string; message: string } }[];
const codesOf = (r: Result<unknown>): string[] =>
  !r.ok ? [r.error.code] : Array.isArray(r.value) ? (r.value as Outcomes).map((o) => (o.ok ? 'ok' : o.error!.code)) : ['ok'];
const messageOf = (r: Result<unknown>): string =>
  !r.ok ? r.error.message : Array.isArray(r.value) ? (r.value as Outcomes).map((o) => o.error?.message ?? '').join(' ') : '';

const onDates = (dates: string[], metadata?: Record<string, unknown>) => ({
  version: 1,
  name: 'dated',
  recordings: [{ when: { times: ['06:00'], dates }, durationSeconds: 60, ...(metadata ? { metadata } : {}) }],
});

describe('checked before sending', { timeout: 90_000 }, () => {
  it('a date outside 1970-2099 in a protocol: refused when saved or applied, nothing sent', async () => {
    const { rigId } = app;
    const before = app.sim.events().filter((e) => e.method !== 'GET').length;
    const wrong: string[] = [];
    for (const date of ['9999-12-31', '2100-01-01', '1969-12-31', '0001-01-01']) {
      const applied = (await app.call('protocols.apply', { ref: { protocol: onDates([date]) }, rigs: [{ rigId }] })) as Result<unknown>;
      const saved = (await app.call('protocols.save', { protocol: onDates([date]) })) as Result<unknown>;
      for (const r of [applied, saved]) {
        if (codesOf(r).join() !== 'invalid-args' || !/1970 to 2099/.test(messageOf(r))) wrong.push(`${date}: ${codesOf(r).join()} ${messageOf(r)}`);
      }
    }
    // The same years written straight into a task's expression.
    for (const cron of ['0 0 12 31 12 ? 9999', '0 0 12 31 12 ? 1969']) {
      const added = (await app.call('schedule.add', { targets: [{ rigId }], taskName: 'dated', cronExpression: cron, operation: { kind: 'recordings.copy', options: {} } })) as Result<unknown>;
      const raw = (await app.call('rig.call', { rigId, endpoint: 'schedule/recordings/copy_all', args: { task_name: 'dated', cron_expression: cron } })) as Result<unknown>;
      for (const r of [added, raw]) if (codesOf(r).join() !== 'invalid-args') wrong.push(`"${cron}": ${codesOf(r).join()} ${messageOf(r)}`);
    }
    const reached = app.sim.events().filter((e) => e.method !== 'GET').length - before;
    console.log(`dates outside 1970-2099: 4 dates x 2 requests and 2 expressions x 2 requests, refused ${12 - wrong.length}, reached the rig ${reached}`);
    expect(wrong).toEqual([]);
    expect(reached).toBe(0);
    // The last year the engine takes still goes.
    const last = (await app.call('protocols.apply', { ref: { protocol: onDates(['2099-12-31']) }, rigs: [{ rigId }] })) as Result<unknown>;
    expect(codesOf(last)).toEqual(['ok']);
    expect((await app.call('protocols.remove', { name: 'dated', rigIds: [rigId] })).ok).toBe(true);
  });

  it('5.7 MB of metadata: refused by every request that carries it, online or away, never queued', async () => {
    const { rigId } = app;
    const serial = app.sim.info.serials[0]!;
    const metadata = { notes: 'x'.repeat(5_700_000) };
    const requests: [string, string, unknown][] = [
      ['recording.start', 'recording.start', { targets: [{ rigId, serial }], options: { metadata } }],
      ['schedule.add', 'schedule.add', { targets: [{ rigId }], taskName: 'big', cronExpression: '0 0 12 * * *', operation: { kind: 'recording.start', options: { metadata } } }],
      ['protocols.apply', 'protocols.apply', { ref: { protocol: onDates(['2099-12-31'], metadata) }, rigs: [{ rigId }] }],
      ['operations.run', 'operations.run', { targets: [{ rigId, serial }], operation: 'recording.start', body: { metadata } }],
      ['rig.call', 'rig.call', { rigId, endpoint: 'schedule/recording/start', args: { task_name: 'big2', cron_expression: '0 0 12 * * *', metadata } }],
    ];
    const run = async (when: string) => {
      const before = app.sim.events().filter((e) => e.method !== 'GET').length;
      const wrong: string[] = [];
      for (const [label, name, args] of requests) {
        const r = (await app.call(name, args)) as Result<unknown>;
        if (codesOf(r).join() !== 'invalid-args' || !/5\.4 MB, more than the 1 MB a rig takes/.test(messageOf(r))) wrong.push(`${when} ${label}: ${codesOf(r).join()} ${messageOf(r).slice(0, 200)}`);
      }
      return { wrong, reached: app.sim.events().filter((e) => e.method !== 'GET').length - before };
    };
    const online = await run('online');
    await app.sim.goOffline();
    await until(() => app.core.monitoring.monitor.get(rigId)?.state === 'offline', 15_000);
    const away = await run('away');
    await app.sim.comeBack();
    await until(async () => {
      await app.call('status.refresh', { rigId });
      return app.core.monitoring.monitor.get(rigId)?.state === 'online';
    }, 15_000);
    const queued = (await app.call('outbox.list', {})) as Result<{ entries: unknown[] }>;
    console.log(
      `5.7 MB of metadata: ${requests.length} requests online and away, refused ${2 * requests.length - online.wrong.length - away.wrong.length}, ` +
        `reached the rig ${online.reached + away.reached}, queued ${queued.ok ? queued.value.entries.length : '?'}`,
    );
    expect([...online.wrong, ...away.wrong]).toEqual([]);
    expect(online.reached + away.reached).toBe(0);
    expect(queued.ok && queued.value.entries).toEqual([]);
    // Metadata under the limit still reaches the rig.
    const fits = (await app.call('recording.start', { targets: [{ rigId, serial }], options: { metadata: { notes: 'x'.repeat(900_000) } } })) as Result<unknown>;
    expect(codesOf(fits)).toEqual(['ok']);
  });
});
