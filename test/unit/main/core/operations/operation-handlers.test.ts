import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { CronExplanation } from '../../../../../src-main/contract/requests/cron';
import type { RecordingEntry, ScheduledTask } from '../../../../../src-main/contract/requests/operations';
import type { RigSummary } from '../../../../../src-main/contract/requests/rigs';
import type { TargetOutcome } from '../../../../../src-main/contract/requests/targets';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../secrets/memory-keychain';

let core: AppCore;
let rigs: RigSummary[];

const call = async <T>(name: string, args: unknown): Promise<T> => {
  const r = (await core.dispatch(name, args)) as Result<T>;
  if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
  return r.value;
};
const allOk = (outcomes: TargetOutcome[]) => outcomes.map((o) => (o.ok ? `${o.rigName}:${o.delivery}` : `${o.rigName}:${o.error.code}`));
const until = async (check: () => Promise<boolean>, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-ops-'));
  core = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(new MemoryKeychain(), { cacheMs: 0 }) });
  rigs = (await call<{ rigs: RigSummary[] }>('demo.start', { count: 2 })).rigs;
});
afterAll(async () => {
  await core.close();
});

describe('demo mode', () => {
  it('adds two simulated rigs, pinned and with a stored key, marked simulated', async () => {
    expect(rigs.map((r) => [r.name, r.simulated, r.keyState, r.trust?.kind])).toEqual([
      ['Simulated rig 1', true, 'keychain', 'fingerprint'],
      ['Simulated rig 2', true, 'keychain', 'fingerprint'],
    ]);
    const listed = await call<RigSummary[]>('rigs.list', {});
    expect(listed.map((r) => r.id)).toEqual(rigs.map((r) => r.id));
  });

  it('streams its cameras, so the live view can be tried without hardware', async () => {
    const { watchId } = await call<{ watchId: string }>('live.watch', { rigId: rigs[0]!.id, serial: 'FAKE0' });
    const answer = await call<{ frame: { width: number; height: number; frameNumber: number } | null }>('live.frame', { watchId, waitMs: 3000 });
    expect(answer.frame).toMatchObject({ width: 640, height: 480 });
    await call('live.unwatch', { watchId });
  });
});

describe('operations over the bridge', () => {
  it('records on both rigs at once, stops, and lists the recordings', async () => {
    const targets = rigs.map((r) => ({ rigId: r.id }));
    const started = await call<TargetOutcome[]>('recording.start', { targets, options: { codec: 'high', filename: 'trial', metadata: { fly: 'CS' } } });
    expect(allOk(started)).toEqual(['Simulated rig 1:sent', 'Simulated rig 2:sent']);
    await new Promise((r) => setTimeout(r, 400)); // past the rig's pending phase
    const stopped = await call<TargetOutcome[]>('recording.stop', { targets });
    expect(allOk(stopped)).toEqual(['Simulated rig 1:sent', 'Simulated rig 2:sent']);
    const listed = await call<RecordingEntry[]>('recordings.list', { target: { rigId: rigs[0]!.id } });
    expect(listed).toHaveLength(2);
    expect(listed[0]!.name).toMatch(/^trial_FAKE0_/);
    expect(listed[0]!.sizeBytes).toBeGreaterThan(0);
  });

  it('copies recordings and the rig reports progress until done', async () => {
    const copied = await call<TargetOutcome[]>('recordings.copy', { targets: [{ rigId: rigs[1]!.id }], options: {} });
    expect(copied[0]).toMatchObject({ ok: true, delivery: 'sent' });
    await until(async () => {
      const list = await call<RecordingEntry[]>('recordings.list', { target: { rigId: rigs[1]!.id } });
      return list.length > 0 && list.every((r) => r.copied === true);
    }, 10_000);
  });

  it('toggles an output and writes, reads back a camera parameter', async () => {
    const target = { rigId: rigs[0]!.id, serial: 'FAKE0' };
    expect(allOk(await call('outputs.set', { targets: [target], name: 'led', value: 'toggle-start-high' }))).toEqual(['Simulated rig 1:sent']);
    expect(allOk(await call('cameras.configure', { targets: [target], params: { Gain: 4 } }))).toEqual(['Simulated rig 1:sent']);
    const read = await call<Record<string, unknown>>('cameras.read', { target, names: ['Gain'] });
    expect(JSON.stringify(read.Gain)).toContain('4');
  });

  it('schedules a camera-relative task, lists it with the rig clock, and clears it', async () => {
    const rigId = rigs[0]!.id;
    const added = await call<TargetOutcome[]>('schedule.add', {
      targets: [{ rigId, serial: 'FAKE0' }],
      taskName: 'toggle_led_2s',
      cronExpression: '%2 * * ? * * *',
      cameraRelative: true,
      operation: { kind: 'outputs.set', name: 'led', value: 'toggle-start-high' },
    });
    expect(allOk(added)).toEqual(['Simulated rig 1:sent']);
    const listed = await call<{ rigNowUnixSeconds: number; tasks: ScheduledTask[] }>('schedule.list', { rigId });
    expect(Math.abs(listed.rigNowUnixSeconds - Date.now() / 1000)).toBeLessThan(5);
    expect(listed.tasks).toContainEqual(expect.objectContaining({ name: 'toggle_led_2s', cronExpression: '%2 * * ? * * *' }));
    await call('schedule.clear', { rigId, taskName: 'toggle_led_2s' });
    expect((await call<{ tasks: ScheduledTask[] }>('schedule.list', { rigId })).tasks).toEqual([]);
  });

  it('refuses a bad cron expression before sending, per target, naming the field', async () => {
    const added = await call<TargetOutcome[]>('schedule.add', {
      targets: [{ rigId: rigs[0]!.id }],
      taskName: 'bad',
      cronExpression: '0 61 * * * *',
      operation: { kind: 'recording.start', options: {} },
    });
    expect(added[0]).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/In the minute field, "61"/) } });
  });

  it('reports unknown rigs and bad arguments clearly', async () => {
    const r = await call<TargetOutcome[]>('experiment.message', { targets: [{ rigId: 'nope' }], message: 'hi' });
    expect(r[0]).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await core.dispatch('recording.start', { targets: [], options: {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const read = await core.dispatch('schedule.list', { rigId: 'nope' });
    expect(read).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('cron over the bridge', () => {
  it('explains a valid expression with its next fire times in the given zone', async () => {
    const r = await call<CronExplanation>('cron.explain', { expression: '0 6-16 * * * *', timeZone: 'UTC', from: '2026-11-25T12:00:00Z', count: 2 });
    expect(r).toEqual({
      valid: true,
      description: expect.stringContaining('minutes 6 through 16'),
      next: ['2026-11-25T12:06:00Z', '2026-11-25T12:07:00Z'],
    });
  });
  it('shows camera-relative fire times as offsets from the recording start', async () => {
    const r = await call<CronExplanation>('cron.explain', { expression: '0 5 * ? * * *', cameraRelative: true, count: 2 });
    expect(r).toMatchObject({ valid: true, next: ['+0h 05m 00s after the start', '+1h 05m 00s after the start'] });
  });
  it('names the field and the reason of an invalid expression', async () => {
    const r = await call<CronExplanation>('cron.explain', { expression: '0 61 * * * *' });
    expect(r).toMatchObject({ valid: false, field: 'minute', text: expect.stringContaining('61') });
  });
  it('says when an expression never fires', async () => {
    const r = await call<CronExplanation>('cron.explain', { expression: '0 0 0 30 2 ?', timeZone: 'UTC' });
    expect(r).toMatchObject({ valid: true, next: [] });
    if (r.valid) expect(r.exhaustedReason).toBeTruthy();
  });
  it('writes a one-shot expression some seconds after the rig clock', async () => {
    const r = await call<{ expression: string }>('cron.oneShot', { rigNowUnixSeconds: Date.UTC(2026, 10, 25, 12, 0, 0) / 1000, secondsFromNow: 90, timeZone: 'UTC' });
    expect(r.expression).toBe('30 1 12 25 11 ? 2026');
  });
});

describe('removing a simulated rig', () => {
  it('stops its simulator', async () => {
    const gone = rigs[1]!;
    await call('rigs.remove', { rigId: gone.id });
    await until(async () => !core.simulated.runningRigIds().includes(gone.id));
  });
});

describe('any table operation by name, and the table rules every command obeys', () => {
  it('runs and reads a table operation no dedicated request names (multicam/connect_all)', async () => {
    const target = { rigId: rigs[0]!.id };
    const off = await call<TargetOutcome[]>('operations.run', { targets: [target], operation: 'multicam.disconnectAll' });
    expect(allOk(off)).toEqual(['Simulated rig 1:sent']);
    const on = await call<TargetOutcome[]>('operations.run', { targets: [target], operation: 'multicam.connectAll' });
    expect(on[0]).toMatchObject({ ok: true, value: { connected: ['FAKE0', 'FAKE1'] } });
    const version = await call<Record<string, unknown>>('operations.read', { target, operation: 'version' });
    expect(version).toHaveProperty('version');
  });

  it('refuses a body the table does not allow, and a camera-relative recording, before anything is sent', async () => {
    const target = { rigId: rigs[0]!.id };
    const bad = await call<TargetOutcome[]>('operations.run', { targets: [target], operation: 'outputs.set', params: { name: 'led' }, body: { value: 'high' } });
    expect(bad[0]).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/value/) } });
    const relative = await core.dispatch('schedule.add', {
      targets: [target],
      taskName: 'rec',
      cronExpression: '0 0 * * * *',
      cameraRelative: true,
      operation: { kind: 'recording.start', options: {} },
    });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/relative to the recording start/) } });
    const raw = await call<TargetOutcome[]>('operations.run', {
      targets: [target],
      operation: 'schedule.recording.start',
      body: { task_name: 'rec', cron_expression: '0 0 * * * *', camera_relative: true },
    });
    expect(raw[0]).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const tasks = await call<{ tasks: ScheduledTask[] }>('schedule.list', { rigId: target.rigId });
    expect(tasks.tasks.map((t) => t.name)).not.toContain('rec');
  });

  it('refuses path segments Motif cannot route, in the contract and in raw calls, and the rig stays usable', async () => {
    const target = { rigId: rigs[0]!.id };
    for (const serial of ['..', '%2e%2e', '相机1', 'a/b']) {
      const r = await core.dispatch('recording.stop', { targets: [{ ...target, serial }] });
      expect({ serial, r }).toMatchObject({ serial, r: { ok: false, error: { code: 'invalid-args' } } });
    }
    const read = await core.dispatch('cameras.read', { target, names: ['增益'] });
    expect(read).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const raw = await core.dispatch('rig.call', { rigId: target.rigId, endpoint: 'camera/../recording/start' });
    expect(raw).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call<{ delivery: string }>('rig.call', { rigId: target.rigId, endpoint: 'version' })).toMatchObject({ delivery: 'sent' });
  });
});

describe('scheduling that cannot lose a task', () => {
  const recordHourly = (rigId: string, extra: Record<string, unknown> = {}) => ({
    targets: [{ rigId }],
    taskName: 'rec_hourly',
    cronExpression: '0 0 * * * *',
    operation: { kind: 'recording.start', options: { durationSeconds: 1800 } },
    ...extra,
  });
  const listTasks = async (rigId: string) => (await call<{ tasks: ScheduledTask[] }>('schedule.list', { rigId, timeZone: 'UTC' })).tasks;

  it('refuses a name the rig already has, naming the task there, and replaces it only when asked', async () => {
    const rigId = rigs[0]!.id;
    await call('schedule.clear', { rigId });
    expect(allOk(await call<TargetOutcome[]>('schedule.add', recordHourly(rigId)))).toEqual(['Simulated rig 1:sent']);

    const blink = { operation: { kind: 'outputs.set', name: 'led', value: 1 } };
    const taken = await call<TargetOutcome[]>('schedule.add', recordHourly(rigId, blink));
    expect(taken[0]).toMatchObject({
      ok: false,
      error: {
        code: 'already-exists',
        message:
          'Simulated rig 1 already has a task named "rec_hourly" (start recording on all cameras, duration 30 min, at "0 0 * * * *"): replace it, or choose another name.',
        details: { taskName: 'rec_hourly' },
      },
    });
    expect((await listTasks(rigId)).find((t) => t.name === 'rec_hourly')?.endpoint).toBe('recording/start');

    const replaced = await call<TargetOutcome[]>('schedule.add', recordHourly(rigId, { ...blink, replace: true }));
    expect(allOk(replaced)).toEqual(['Simulated rig 1:sent']);
    expect((await listTasks(rigId)).find((t) => t.name === 'rec_hourly')?.endpoint).toBe('io/led/set');
    await call('schedule.clear', { rigId });
  });

  it('refuses one name twice on one rig in the same request (a second camera would replace the first)', async () => {
    const rigId = rigs[0]!.id;
    const added = await call<TargetOutcome[]>('schedule.add', {
      targets: [{ rigId, serial: 'FAKE0' }, { rigId, serial: 'FAKE1' }],
      taskName: 'gain_up',
      cronExpression: '0 0 * * * *',
      operation: { kind: 'cameras.configure', name: 'Gain', value: 2 },
    });
    expect(allOk(added)).toEqual(['Simulated rig 1:sent', 'Simulated rig 1:invalid-args']);
    await call('schedule.clear', { rigId });
  });

  it('lists each task with its operation and arguments in words, camera-relative or not, and its next run on the rig clock', async () => {
    const rigId = rigs[0]!.id;
    const add = (taskName: string, cronExpression: string, operation: unknown, more: Record<string, unknown> = {}) =>
      call<TargetOutcome[]>('schedule.add', { targets: [{ rigId, ...more }], taskName, cronExpression, operation });
    await add('led_on', '0 30 6 * * *', { kind: 'outputs.set', name: 'led', value: 1 });
    await add('rec_hourly', '0 0 * * * *', { kind: 'recording.start', options: { durationSeconds: 1800 } });
    await add('to_nas', '0 0 2 * * *', { kind: 'recordings.copy', options: { location: '/mnt/nas' } });
    await call('schedule.add', {
      targets: [{ rigId, serial: 'FAKE0' }],
      taskName: 'blink',
      cronExpression: '%2 * * ? * * *',
      cameraRelative: true,
      operation: { kind: 'outputs.set', name: 'led', value: 'toggle-start-high' },
    });

    const listed = await call<{ rigNowUnixSeconds: number; tasks: ScheduledTask[] }>('schedule.list', { rigId, timeZone: 'UTC' });
    const byName = Object.fromEntries(listed.tasks.map((t) => [t.name, t]));
    expect(byName.led_on?.words).toBe('Set output led on the rig to 1');
    expect(byName.rec_hourly?.words).toBe('Start recording on all cameras, duration 30 min');
    expect(byName.to_nas?.words).toBe('Copy recordings of all cameras to /mnt/nas');
    expect(byName.blink).toMatchObject({
      words: 'Set output led on camera FAKE0 to toggle, start high',
      cameraRelative: true,
      cronWords: expect.stringContaining('counted from the recording start'),
      nextRun: { kind: 'after-start', firstOffsetSeconds: 2 },
    });

    const hourly = byName.rec_hourly?.nextRun;
    expect(hourly?.kind).toBe('at');
    const nextHour = (Math.floor(listed.rigNowUnixSeconds / 3600) + 1) * 3600;
    if (hourly?.kind === 'at') {
      expect(hourly.unixSeconds).toBe(nextHour);
      expect(hourly.time).toBe(new Date(nextHour * 1000).toISOString().replace('.000Z', 'Z'));
    }
    expect(byName.rec_hourly?.cameraRelative).toBe(false);

    const vienna = await call<{ tasks: ScheduledTask[] }>('schedule.list', { rigId, timeZone: 'Europe/Vienna' });
    const ledOn = vienna.tasks.find((t) => t.name === 'led_on')?.nextRun;
    expect(ledOn?.kind === 'at' && ledOn.time).toMatch(/T06:30:00\+0[12]:00$/);
    expect(await core.dispatch('schedule.list', { rigId, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    await call('schedule.clear', { rigId });
  });

  it('queues a task for a rig that is away and says a task of the same name there will be replaced', async () => {
    const [away] = (await call<{ rigs: RigSummary[] }>('demo.start', { count: 1 })).rigs;
    await core.simulated.forget(away!.id);
    const added = await call<(TargetOutcome & { note?: string })[]>('schedule.add', recordHourly(away!.id));
    expect(added[0]).toMatchObject({
      ok: true,
      delivery: 'queued',
      note: `The name could not be checked while ${away!.name} is away: a task named "rec_hourly" already on the rig is replaced when this change is applied.`,
    });
    const { entries } = await call<{ entries: { id: string; endpoint: string }[] }>('outbox.list', { rigId: away!.id });
    expect(entries.map((e) => e.endpoint)).toEqual(['schedule/recording/start']);
    for (const e of entries) await call('outbox.cancel', { id: e.id });
    await call('rigs.remove', { rigId: away!.id });
  });
});
