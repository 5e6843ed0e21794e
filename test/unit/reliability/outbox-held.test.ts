/**
 * Reliability: one change the rig refuses (Gain 25, out of range) among 274 valid ones queued
 * for it while it was away. When it returns, every change to another target is applied; only
 * the later changes to that camera's Gain wait behind the refused one, shown as held, with an
 * alert that the rig's queue is held; cancelling the refused change lets them go in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import type { AppNotice } from '../../../src-main/contract/requests/app';
import type { OutboxEntry } from '../../../src-main/contract/requests/outbox';
import { startApp, until, type App } from './app-fixture';

let app: App;
beforeAll(async () => {
  app = await startApp({ cameras: 2 });
});
afterAll(async () => {
  await app.close();
});

const entriesOf = async () => {
  const r = (await app.call('outbox.list', {})) as Result<{ entries: OutboxEntry[] }>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value.entries;
};

describe('reliability: a refused change in a rig\'s outbox', { timeout: 120_000 }, () => {
  it('holds back only later changes to the same target; the other 274 go on, and the hold is shown and told', async () => {
    const { rigId, sim } = app;
    const [cam0, cam1] = sim.info.serials as [string, string];
    await until(() => app.core.monitoring.monitor.get(rigId)?.state === 'online');
    await sim.goOffline();
    await until(() => app.core.monitoring.monitor.get(rigId)?.state === 'offline', 15_000);

    const configure = (serial: string, params: Record<string, number>) => app.call('cameras.configure', { targets: [{ rigId, serial }], params });
    const queued: Result<unknown>[] = [];
    queued.push(await configure(cam0, { Gain: 25 }));
    // 274 valid changes after it: 24 to the same camera's Gain (held), 250 to other targets.
    for (let i = 0; i < 24; i++) queued.push(await configure(cam0, { Gain: i % 24 }));
    for (let i = 0; i < 100; i++) queued.push(await configure(cam1, { Gain: i % 24 }));
    for (let i = 0; i < 100; i++) queued.push(await configure(cam0, { ExposureTime: 1000 + i }));
    for (let i = 0; i < 50; i++) {
      queued.push(await app.call('schedule.add', { targets: [{ rigId }], taskName: `held-${i}`, cronExpression: '0 0 12 * * *', operation: { kind: 'recordings.copy', options: {} } }));
    }
    expect(queued.every((r) => r.ok)).toBe(true);
    expect((await entriesOf()).filter((e) => e.state === 'pending')).toHaveLength(275);

    await sim.comeBack();
    const settled = await until(async () => {
      const entries = await entriesOf();
      return entries.every((e) => e.state === 'applied' || e.state === 'failed' || e.heldBy !== undefined) && entries;
    }, 60_000);
    const refused = settled.filter((e) => e.state === 'failed');
    const held = settled.filter((e) => e.heldBy !== undefined);
    const params = (serial: string) => sim.state.cameras[serial]!.params;
    const notices = ((await app.call('app.notices', {})) as Result<AppNotice[]>) as { ok: true; value: AppNotice[] };
    const heldAlert = notices.value.filter((n) => /outbox is held: 24 later changes to the same target/.test(n.message));
    const appliedCount = () => sim.events().filter((e) => e.kind === 'request' && e.method !== 'GET' && e.status === 200).length;
    const appliedFirst = appliedCount();

    expect(refused).toHaveLength(1);
    expect(refused[0]!.args).toEqual({ Gain: 25 });
    expect(held).toHaveLength(24);
    expect(held.every((e) => e.heldBy === refused[0]!.id && e.endpoint === `camera/${cam0}/configure`)).toBe(true);
    expect(params(cam1).Gain).toBe(99 % 24);
    expect(params(cam0).ExposureTime).toBe(1099);
    expect(params(cam0).Gain).toBe(0);
    expect(sim.state.tasks).toHaveLength(50);
    expect(heldAlert).toHaveLength(1);

    // Cancelled: the held changes go, in order, so the last Gain asked for is the one set.
    expect((await app.call('outbox.cancel', { id: refused[0]!.id })).ok).toBe(true);
    await until(async () => (await entriesOf()).every((e) => e.state === 'applied'), 30_000);
    expect(params(cam0).Gain).toBe(23);
    // Each camera's first Gain change (to 0) was already so on the rig: done without being sent.
    expect(appliedCount()).toBe(272);
    console.log(
      `outbox held: queued 275 while away (1 refused by the rig), applied at once ${appliedFirst} of 250 to other targets, ` +
        `held ${held.length} (same camera's Gain), alerts saying so ${heldAlert.length}; after cancelling the refused one: ` +
        `${appliedCount()} of 274 sent in all (2 already so), Gain ${params(cam0).Gain}`,
    );
  });
});
