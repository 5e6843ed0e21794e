import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../../src-main/contract/requests/outbox';
import type { RigStatus } from '../../../../../src-main/contract/requests/status';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { Outbox, drainWhenOnline } from '../../../../../src-main/core/outbox/outbox';
import { changeKind } from '../../../../../src-main/core/outbox/outbox-policy';
import { StatusMonitor } from '../../../../../src-main/core/status/status-monitor';
import { SimRigsHarness, waitFor } from '../registry/rig-fixture';

const FAST = { intervalMs: 100, slowIntervalMs: 1000, requestTimeoutMs: 1000, backoff: { baseMs: 50, maxMs: 200, jitter: 0 } };
const task = (name: string, cron = '0 0 12 * * *') => ({ task_name: name, cron_expression: cron });

describe('Outbox against simulated rigs', () => {
  let h: SimRigsHarness;
  let dir: string;
  const stops: (() => unknown)[] = [];
  const events: { rigId: string; entries: OutboxEntry[] }[] = [];
  const statuses: RigStatus[] = [];

  beforeEach(async () => {
    h = await SimRigsHarness.start(2, 2);
    dir = h.tempDir();
    events.length = 0;
    statuses.length = 0;
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await h.stop();
  });

  async function setup() {
    const monitor = new StatusMonitor({ rigs: h.rigList, clientFor: h.clientFor, ...FAST });
    const outbox = new Outbox({
      configDir: dir,
      clientFor: h.clientFor,
      rigName: (id) => h.rigList.rigs.find((r) => r.id === id)?.name,
      rigState: (id) => monitor.get(id)?.state,
    });
    outbox.onChange((rigId, entries) => events.push({ rigId, entries }));
    monitor.onStatus((s) => statuses.push(s));
    stops.push(drainWhenOnline(outbox, monitor), () => monitor.stop(), () => outbox.close());
    await monitor.start();
    await waitFor(() => monitor.list().every((s) => s.state === 'online'));
    return { monitor, outbox };
  }

  async function takeOffline(monitor: StatusMonitor, rigId: string) {
    await h.sim(rigId).goOffline();
    await waitFor(() => monitor.get(rigId)?.state === 'offline');
    h.sim(rigId).reset(); // forget the polls so far: what follows is what the queue sends
  }

  it('sends a change at once while the rig is online', async () => {
    const { outbox } = await setup();
    const r = await outbox.submitChange('rig-0', 'schedule/recording/start', task('now'));
    expect(r.ok && r.value.outcome).toBe('sent');
    expect(h.sim('rig-0').state.tasks.map((t) => t.name)).toEqual(['now']);
    expect(await outbox.list()).toEqual([]);
  });

  it('queues safe changes while offline, keeps them across a restart, and applies them in order on return', async () => {
    const { monitor, outbox } = await setup();
    await takeOffline(monitor, 'rig-0');
    const serial = h.sim('rig-0').info.serials[0]!;
    const submitted = [
      await outbox.submitChange('rig-0', 'schedule/recording/start', task('first')),
      await outbox.submitChange('rig-0', `camera/${serial}/configure`, { ExposureTime: 4000 }),
      await outbox.submitChange('rig-0', 'schedule/io/led/set', { ...task('toggle'), value: Infinity }),
    ];
    expect(submitted.map((r) => r.ok && r.value.outcome)).toEqual(['queued', 'queued', 'queued']);
    // A new app on the same config folder sees the same queue.
    const restarted = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: () => 'Rig 0' });
    const listed = await restarted.list('rig-0');
    expect(listed.map((e) => [e.endpoint, e.state])).toEqual([
      ['schedule/recording/start', 'pending'],
      [`camera/${serial}/configure`, 'pending'],
      ['schedule/io/led/set', 'pending'],
    ]);
    expect(listed[2]!.args.value).toBe('Infinity');
    expect(readFileSync(restarted.store.path, 'utf8')).toContain('Infinity');
    expect(h.sim('rig-0').events()).toEqual([]);

    await h.sim('rig-0').comeBack();
    await waitFor(async () => (await outbox.list('rig-0')).every((e) => e.state === 'applied'), 5000);
    const commands = h.sim('rig-0').events().filter((e) => e.method !== 'GET');
    expect(commands.map((e) => e.endpoint)).toEqual(['schedule/recording/start', `camera/${serial}/configure`, 'schedule/io/led/set']);
    expect(commands.every((e) => e.status === 200)).toBe(true);
    expect(h.sim('rig-0').state.tasks.map((t) => t.name).sort()).toEqual(['first', 'toggle']);
    expect((await outbox.list('rig-0')).every((e) => e.appliedAtMs !== null && e.error === null)).toBe(true);
  });

  it('holds back only the later changes to the same target behind a refused entry, until it is retried or cancelled', async () => {
    const { monitor, outbox } = await setup();
    await takeOffline(monitor, 'rig-0');
    const bad = await outbox.submitChange('rig-0', 'schedule/recording/start', task('bad', 'not a cron'));
    await outbox.submitChange('rig-0', 'schedule/recording/start', task('bad'));
    await outbox.submitChange('rig-0', 'schedule/recording/start', task('after'));
    await h.sim('rig-0').comeBack();
    const failed = await waitFor(async () => (await outbox.list('rig-0')).find((e) => e.state === 'failed'));
    expect(failed.error?.code).toBe('rig-error');
    expect(failed.error?.message).toMatch(/cron_expression/);
    await waitFor(async () => (await outbox.list('rig-0'))[2]!.state === 'applied');
    await new Promise((r) => setTimeout(r, 300));
    const listed = await outbox.list('rig-0');
    expect(listed.map((e) => [e.state, e.heldBy])).toEqual([['failed', undefined], ['pending', failed.id], ['applied', undefined]]);
    expect(h.sim('rig-0').state.tasks.map((t) => t.name)).toEqual(['after']);

    const retried = await outbox.retry(failed.id);
    expect(retried.ok).toBe(true);
    await waitFor(async () => (await outbox.list('rig-0'))[0]!.attempts === 2 && (await outbox.list('rig-0'))[0]!.state === 'failed');
    expect((await outbox.list('rig-0'))[1]).toMatchObject({ state: 'pending', heldBy: failed.id });
    expect(bad.ok && bad.value.outcome).toBe('queued');
    const cancelled = await outbox.cancel(failed.id);
    expect(cancelled.ok).toBe(true);
    await waitFor(async () => (await outbox.list('rig-0')).map((e) => e.state).join() === 'applied,applied');
    expect(h.sim('rig-0').state.tasks.map((t) => t.name).sort()).toEqual(['after', 'bad']);
    expect(events.filter((e) => e.rigId === 'rig-1')).toEqual([]); // the other rig's queue never moved
  });

  it('never queues a time-critical command', async () => {
    const { monitor, outbox } = await setup();
    await takeOffline(monitor, 'rig-0');
    for (const endpoint of ['recording/start', 'recording/stop', 'io/led/set', 'recordings/copy_all', 'recordings/export_all']) {
      const r = await outbox.submitChange('rig-0', endpoint, endpoint.startsWith('io') ? { value: 1 } : {});
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('rig-unreachable');
        expect(r.error.message).toMatch(/^The rig is unreachable, and the request to .+ was not queued: it only makes sense now/);
      }
    }
    // Without the monitor's word the command is tried, and still not queued when the rig does not answer.
    const blind = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: () => 'Rig 0' });
    const tried = await blind.submitChange('rig-0', 'recording/start', {});
    expect(!tried.ok && tried.error.code).toBe('rig-unreachable');
    const queuedBlind = await blind.submitChange('rig-0', 'schedule/clear', {});
    expect(queuedBlind.ok && queuedBlind.value.outcome).toBe('queued');
    expect((await outbox.list()).map((e) => e.endpoint)).toEqual(['schedule/clear']);
  });

  it('never queues a change this computer could not send (invalid-args), and later changes still go', async () => {
    const { outbox } = await setup();
    h.override('rig-0', { apiKey: `${h.sim('rig-0').info.apiKey}\u589e` }); // no HTTP header can carry it
    const r = await outbox.submitChange('rig-0', 'cameras/configure', { Gain: 1 });
    expect(!r.ok && r.error.code).toBe('invalid-args');
    expect(await outbox.list()).toEqual([]);
    h.override('rig-0', {});
    const next = await outbox.submitChange('rig-0', 'cameras/configure', { Gain: 2 });
    expect(next.ok && next.value.outcome).toBe('sent');
  });

  it('keeps no secret on disk or in events, and refuses to queue a change carrying one', async () => {
    const { monitor, outbox } = await setup();
    await takeOffline(monitor, 'rig-0');
    const r = await outbox.submitChange('rig-0', 'schedule/recordings/copy_all', { ...task('nightly'), loopy_api_key: 'LOOPY-9876-SECRET' });
    expect(!r.ok && r.error.message).toMatch(/loopy_api_key/);
    await outbox.submitChange('rig-0', 'schedule/recordings/copy_all', { ...task('nightly'), location: '/mnt/store' });
    await h.sim('rig-0').comeBack();
    await waitFor(async () => (await outbox.list('rig-0')).every((e) => e.state === 'applied'));
    const apiKey = h.sim('rig-0').info.apiKey;
    const written = [readFileSync(outbox.store.path, 'utf8'), JSON.stringify(events), JSON.stringify(statuses)].join('\n');
    for (const secret of [apiKey, 'LOOPY-9876-SECRET']) expect(written).not.toContain(secret);
    expect(events.length).toBeGreaterThan(0);
    expect(statuses.length).toBeGreaterThan(0);
  });

  it('is applied by its owner only: another app on the folder only queues, and takes over when the owner stops', async () => {
    const { monitor, outbox } = await setup();
    await outbox.recoverInterrupted();
    const sentByOther: string[] = [];
    const other = new Outbox({
      configDir: dir,
      clientFor: async (id) => {
        const client = await h.clientFor(id);
        return Object.assign(Object.create(client) as typeof client, {
          call: (path: string, args?: object) => (sentByOther.push(path), client.call(path, args)),
        });
      },
      rigName: (id) => h.rigList.rigs.find((r) => r.id === id)?.name,
      rigState: (id) => monitor.get(id)?.state,
    });
    // Wired as every app core wires its outbox.
    stops.push(drainWhenOnline(other, monitor), () => other.close());
    await other.recoverInterrupted();
    expect([outbox.owner, other.owner]).toEqual([true, false]);

    await takeOffline(monitor, 'rig-0');
    expect((await other.submitChange('rig-0', 'schedule/recording/start', task('from-other'))).ok).toBe(true);
    await other.drain('rig-0'); // not the owner: does nothing
    await h.sim('rig-0').comeBack();
    await waitFor(async () => (await outbox.list('rig-0')).every((e) => e.state === 'applied'), 8000);
    expect(h.sim('rig-0').state.tasks.map((t) => t.name)).toEqual(['from-other']);
    expect(sentByOther).toEqual([]);

    await outbox.close();
    await waitFor(() => other.owner, 8000);
    await takeOffline(monitor, 'rig-0');
    await other.submitChange('rig-0', 'schedule/recording/start', task('after-handover'));
    await h.sim('rig-0').comeBack();
    await waitFor(async () => (await other.list('rig-0')).every((e) => e.state === 'applied'), 8000);
    // It looks at the schedule first (nothing changed there since), then sends.
    expect(sentByOther).toEqual(['schedule', 'schedule/recording/start']);
  });

  it('leaves an entry another live app is sending alone', async () => {
    const { monitor, outbox } = await setup();
    await outbox.recoverInterrupted();
    h.sim('rig-0').setFault('latency=1500@^schedule/recording/start$');
    await takeOffline(monitor, 'rig-0');
    await outbox.submitChange('rig-0', 'schedule/recording/start', task('slow'));
    h.sim('rig-0').setFault('latency=1500@^schedule/recording/start$');
    await h.sim('rig-0').comeBack();
    await waitFor(async () => (await outbox.list('rig-0'))[0]?.state === 'sending', 8000);
    // A second app starting now must not call the change in flight interrupted.
    const second = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: () => 'Rig 0' });
    stops.push(() => second.close());
    await second.recoverInterrupted();
    expect((await second.list('rig-0'))[0]?.state).toBe('sending');
    await waitFor(async () => (await outbox.list('rig-0'))[0]?.state === 'applied', 8000);
  });

  describe('a damaged outbox file', () => {
    const entry = (id: string, rigId = 'rig-0') => ({
      id,
      rigId,
      rigName: rigId === 'rig-0' ? 'Rig 0' : 'Rig 1',
      endpoint: 'schedule/clear',
      method: 'POST',
      args: {},
      state: 'pending',
      createdAtMs: 1,
      attempts: 0,
      lastAttemptAtMs: null,
      appliedAtMs: null,
      error: null,
    });
    const whole = JSON.stringify({ version: 1, entries: [entry('a', 'rig-1'), entry('b', 'rig-1')] });
    const damage: [string, string, number][] = [
      ['truncated', whole.slice(0, whole.length - 40), 0],
      ['not JSON', 'this is not an outbox\u0000\u0001', 0],
      ['of the wrong shape', JSON.stringify({ version: 1, entries: { a: entry('a', 'rig-1') } }), 0],
      ['holding an entry of the wrong shape', JSON.stringify({ version: 1, entries: [entry('a', 'rig-1'), { id: 7, state: 'lost' }] }), 1],
    ];

    it.each(damage)('when %s: set aside, reported, and changes to online rigs still go', async (_kind, text, kept) => {
      const { outbox } = await setup();
      const notices: { level: string; message: string; details?: Record<string, unknown> }[] = [];
      const board = new NoticeBoard();
      board.onNotice((n) => notices.push(n));
      outbox.reportTo(board);
      writeFileSync(outbox.store.path, text);

      const listed = await outbox.list();
      expect(listed.map((e) => e.id)).toEqual(kept ? ['a'] : []);
      const sent = await outbox.submitChange('rig-0', 'schedule/recording/start', task('still-works'));
      expect(sent.ok && sent.value.outcome).toBe('sent');
      const configured = await outbox.submitChange('rig-0', 'cameras/configure', { Gain: 2 });
      expect(configured.ok && configured.value.outcome).toBe('sent');

      const aside = readdirSync(dir).filter((f) => f.startsWith('outbox.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.level).toBe('error');
      expect(notices[0]!.message).toContain(aside[0]);
      // What it held, as far as it could be read.
      if (_kind !== 'not JSON') expect(notices[0]!.message).toMatch(/Rig 1/);
      expect(notices[0]!.details).toMatchObject({ path: outbox.store.path, kept });
      // The file is whole again, and read again nothing more is set aside.
      expect((await outbox.list()).map((e) => e.id)).toEqual(kept ? ['a'] : []);
      expect(readdirSync(dir).filter((f) => f.startsWith('outbox.json.corrupt-'))).toHaveLength(1);
      expect(notices).toHaveLength(1);
    });
  });

  it('bases a change queued offline on the value this computer last set, so it is not taken for someone else\'s', async () => {
    const { monitor, outbox } = await setup();
    const serial = h.sim('rig-0').info.serials[0]!;
    expect((await outbox.submitChange('rig-0', `camera/${serial}/configure`, { Gain: 5 })).ok).toBe(true);
    await waitFor(async () => (await outbox.lastSeen.get('rig-0', `camera/${serial}/read/Gain`))?.value === 5);
    // Not takeOffline: its reset would put the rig's parameters back, as if someone had.
    await h.sim('rig-0').goOffline();
    await waitFor(() => monitor.get('rig-0')?.state === 'offline');
    expect((await outbox.submitChange('rig-0', `camera/${serial}/configure`, { Gain: 7 })).ok).toBe(true);
    await h.sim('rig-0').comeBack();
    const applied = await waitFor(async () => (await outbox.list('rig-0')).find((e) => e.state === 'applied'), 5000);
    expect(applied).toMatchObject({ args: { Gain: 7 }, error: null });
    expect(applied.note).toBeUndefined(); // compared, found as it was set
    expect(h.sim('rig-0').state.cameras[serial]!.params.Gain).toBe(7);
  });

  it('applies an entry kept by an earlier version (no basis) as it did, saying it was not compared', async () => {
    const { monitor, outbox } = await setup();
    await takeOffline(monitor, 'rig-0');
    const old = { id: 'old-1', rigId: 'rig-0', rigName: 'Rig 0', endpoint: 'cameras/configure', method: 'PATCH', args: { Gain: 7 }, state: 'pending', createdAtMs: 1, attempts: 0, lastAttemptAtMs: null, appliedAtMs: null, error: null };
    writeFileSync(outbox.store.path, JSON.stringify({ version: 1, entries: [old] }));
    expect((await outbox.list('rig-0')).map((e) => e.id)).toEqual(['old-1']);
    await h.sim('rig-0').comeBack();
    const applied = await waitFor(async () => (await outbox.list('rig-0')).find((e) => e.state === 'applied'), 5000);
    expect(applied.note).toMatch(/^Queued by an earlier version of the app, which kept no basis: sent without comparing/);
    for (const serial of h.sim('rig-0').info.serials) expect(h.sim('rig-0').state.cameras[serial]!.params.Gain).toBe(7);
  });

  it('marks a change left mid-send by a stopped app as possibly applied, for the user to check and decide', async () => {
    const outbox = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: () => 'Rig 0' });
    const r = await outbox.submitChange('rig-0', 'schedule/clear', {});
    expect(r.ok && r.value.outcome).toBe('sent');
    await h.sim('rig-0').goOffline();
    await outbox.submitChange('rig-0', 'schedule/clear', {});
    const text = readFileSync(outbox.store.path, 'utf8').replace('"pending"', '"sending"');
    writeFileSync(outbox.store.path, text);
    await outbox.recoverInterrupted();
    const [entry] = await outbox.list();
    expect(entry!.state).toBe('failed');
    // It may well have reached the rig (it did in 12 of 12 trials): say so, so Retry is not pressed blindly.
    expect(entry!.error?.code).toBe('interrupted');
    expect(entry!.error?.message).toMatch(/may have been applied: check the rig/);
  });
});

describe('changeKind', () => {
  it('queues schedule changes and camera configuration only', () => {
    expect(changeKind('schedule/recording/start')).toBe('queueable');
    expect(changeKind('schedule/camera/FAKE0/io/led/set')).toBe('queueable');
    expect(changeKind('schedule/clear')).toBe('queueable');
    expect(changeKind('schedule/t1/clear')).toBe('queueable');
    expect(changeKind('/api/1/cameras/configure')).toBe('queueable');
    expect(changeKind('camera/FAKE0/configure')).toBe('queueable');
    expect(changeKind('camera/FAKE0/recording/start')).toBe('time-critical');
    expect(changeKind('io/led/set')).toBe('time-critical');
    expect(changeKind('multicam/connect_all')).toBe('time-critical');
    expect(changeKind('schedule')).toBe('read');
    expect(changeKind('camera/FAKE0')).toBe('read');
  });
});
