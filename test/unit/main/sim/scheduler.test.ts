import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimEvent, type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, sleep, testDataDir, waitFor } from './sim-test-client';

let fleet: SimFleet;
const rig = () => fleet.rigs[0]!;
const info = () => rig().info;
const scheduled = (task: string) => rig().events().filter((e) => e.kind === 'scheduled' && e.task === task);
const waitForRuns = (task: string, n: number, timeoutMs = 6000) =>
  waitFor(() => (scheduled(task).length >= n ? scheduled(task) : undefined), timeoutMs);

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, timeZone: 'UTC' });
});
afterAll(() => fleet.stop());
beforeEach(() => rig().reset());

describe('storing tasks', () => {
  it('lists tasks with their fields and the rig clock as Unix seconds', async () => {
    await ok(info(), 'POST', 'schedule/recording/start', { task_name: 'record_video', cron_expression: '0 0 9 * * *', duration: 1800, codec: 'high' });
    await ok(info(), 'POST', 'schedule/camera/FAKE1/io/led/set', { task_name: 'toggle', cron_expression: '%2 * * ? * * *', camera_relative: true, value: Infinity });
    const before = Date.now() / 1000;
    const r = await ok(info(), 'GET', 'schedule');
    expect(r.now as number).toBeGreaterThanOrEqual(before - 0.01);
    expect(r.now as number).toBeLessThan(before + 1);
    expect(Number.isInteger(r.now)).toBe(false);
    const tasks = r.tasks as Record<string, unknown>[];
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ task_name: 'record_video', cron_expression: '0 0 9 * * *', endpoint: 'recording/start', args: { duration: 1800, codec: 'high' }, camera_relative: false });
    expect(tasks[0]!.next_run as number).toBeGreaterThan(before);
    expect(new Date((tasks[0]!.next_run as number) * 1000).getUTCHours()).toBe(9);
    expect(tasks[1]).toMatchObject({ task_name: 'toggle', endpoint: 'camera/FAKE1/io/led/set', args: { value: Infinity }, camera_relative: true, next_run: null });
  });

  it('replaces a task given the same name', async () => {
    await ok(info(), 'POST', 'schedule/io/led/set', { task_name: 't', cron_expression: '0 0 1 * * *', value: 1 });
    await ok(info(), 'POST', 'schedule/io/led/set', { task_name: 't', cron_expression: '0 0 2 * * *', value: 0 });
    expect(rig().state.tasks).toEqual([expect.objectContaining({ name: 't', cronExpression: '0 0 2 * * *', args: { value: 0 } })]);
  });

  it('clears one task (DELETE) and all tasks (POST)', async () => {
    for (const name of ['a', 'b', 'c']) await ok(info(), 'POST', 'schedule/io/led/set', { task_name: name, cron_expression: '0 0 1 * * *', value: 1 });
    expect(await ok(info(), 'DELETE', 'schedule/b/clear')).toEqual({ cleared: ['b'] });
    expect(rig().state.tasks.map((t) => t.name)).toEqual(['a', 'c']);
    const unknown = await call(info(), 'DELETE', 'schedule/b/clear');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/'b'/);
    expect(await ok(info(), 'POST', 'schedule/clear')).toEqual({ cleared: ['a', 'c'] });
    expect((await ok(info(), 'GET', 'schedule')).tasks).toEqual([]);
  });

  it('rejects what could never run, with a clear message', async () => {
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      ['schedule/io/led/set', { cron_expression: '* * * * * *', value: 1 }, 400, /task_name/],
      ['schedule/io/led/set', { task_name: 't', value: 1 }, 400, /cron_expression/],
      ['schedule/io/led/set', { task_name: 't', cron_expression: '61 * * * * *', value: 1 }, 400, /cron_expression/],
      ['schedule/io/led/set', { task_name: 't', cron_expression: '0 9 * * *', value: 1 }, 400, /5 fields/],
      ['schedule/io/led/set', { task_name: 't', cron_expression: '* * * * * *' }, 400, /value/],
      ['schedule/io/laser/set', { task_name: 't', cron_expression: '* * * * * *', value: 1 }, 404, /laser/],
      ['schedule/camera/NOPE/recording/start', { task_name: 't', cron_expression: '* * * * * *' }, 404, /NOPE/],
      ['schedule/cameras/configure/Gain', { task_name: 't', cron_expression: '* * * * * *' }, 400, /value/],
      ['schedule/cameras/configure/Bogus', { task_name: 't', cron_expression: '* * * * * *', value: 1 }, 400, /Bogus/],
      ['schedule/recording/start', { task_name: 't', cron_expression: '* * * * * *', codec: 'nope' }, 400, /codec/],
      ['schedule/cameras', { task_name: 't', cron_expression: '* * * * * *' }, 400, /cannot be scheduled/],
      ['schedule/frobnicate', { task_name: 't', cron_expression: '* * * * * *' }, 404, /frobnicate/],
    ];
    for (const [endpoint, args, status, message] of cases) {
      const r = await call(info(), 'POST', endpoint, args);
      expect(r.status, `${endpoint} ${JSON.stringify(args)}`).toBe(status);
      expect(r.body).toEqual({ error: expect.stringMatching(message), status_code: status });
    }
    expect(rig().state.tasks).toEqual([]);
  });
});

describe('running tasks at their cron times', () => {
  it('fires at the right seconds through the same command path, logging scheduled events', async () => {
    await ok(info(), 'POST', 'schedule/camera/FAKE0/io/led/set', { task_name: 'blink', cron_expression: '*/2 * * * * *', value: Infinity });
    const runs = await waitForRuns('blink', 2);
    for (const e of runs) {
      expect(Math.floor(e.at / 1000) % 2).toBe(0);
      expect(e.at % 1000).toBeLessThan(500);
      expect(e).toMatchObject({ method: 'POST', endpoint: 'camera/FAKE0/io/led/set', args: { value: Infinity }, status: 200 });
    }
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThan(1700);
    expect(runs[1]!.at - runs[0]!.at).toBeLessThan(2300);
    // Two toggles from the start: max, then min.
    expect(rig().state.cameras.FAKE0!.outputs.led).toBe(0);
  }, 10_000);

  it('starts a scheduled recording that stops after its duration, then copies it', async () => {
    const at = new Date(Date.now() + 1500);
    const expr = `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} ?`;
    await ok(info(), 'POST', 'schedule/camera/FAKE1/recording/start', { task_name: 'rec', cron_expression: expr, duration: 0.5, filename: 'sched' });
    const [run] = await waitForRuns('rec', 1);
    expect(Math.floor(run!.at / 1000)).toBe(Math.floor(at.getTime() / 1000));
    expect(rig().state.cameras.FAKE1!.recording?.filename).toMatch(/^sched_FAKE1_/);
    await waitFor(() => (rig().state.cameras.FAKE1!.status === 'idle' ? true : undefined));
    expect(rig().state.recordings).toEqual([expect.objectContaining({ serial: 'FAKE1', copied: false })]);
    // A one-shot expression has no further fire this year.
    expect((rig().state.tasks[0]!.nextRunAt ?? 0) - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);
  }, 10_000);

  it('applies scheduled configuration to every camera', async () => {
    await ok(info(), 'POST', 'schedule/cameras/configure/Gain', { task_name: 'gain', cron_expression: '* * * * * *', value: 7 });
    await waitForRuns('gain', 1, 3000);
    expect(Object.values(rig().state.cameras).map((c) => c.params.Gain)).toEqual([7, 7]);
    expect(scheduled('gain')[0]).toMatchObject({ method: 'PATCH', endpoint: 'cameras/configure', args: { Gain: 7 } });
  });

  it('stops firing once cleared', async () => {
    await ok(info(), 'POST', 'schedule/io/ledgreen/set', { task_name: 'often', cron_expression: '* * * * * *', value: 1 });
    await waitForRuns('often', 1, 3000);
    await ok(info(), 'POST', 'schedule/clear');
    const count = scheduled('often').length;
    await sleep(1300);
    expect(scheduled('often')).toHaveLength(count);
  });

  it('logs a failing scheduled command with its error status', async () => {
    await ok(info(), 'POST', 'schedule/camera/FAKE0/recording/stop', { task_name: 'stop', cron_expression: '* * * * * *' });
    await ok(info(), 'POST', 'multicam/disconnect_camera/FAKE0');
    await ok(info(), 'POST', 'schedule/camera/FAKE0/recording/start', { task_name: 'start', cron_expression: '* * * * * *' });
    const [run] = await waitForRuns('start', 1, 3000);
    expect(run!.status).toBe(409);
  });

  it('runs a task on demand from the control handle', async () => {
    await ok(info(), 'POST', 'schedule/io/led/set', { task_name: 'later', cron_expression: '0 0 0 1 1 ? 2099', value: 0.7 });
    expect(await rig().fireTask('later')).toBe(true);
    expect(await rig().fireTask('nothing')).toBe(false);
    expect(rig().state.cameras.FAKE0!.outputs.led).toBe(0.7);
  });
});

describe('camera-relative tasks', () => {
  it('fire timed from the recording start, only while that camera records', async () => {
    // datetime_to_cron(fromtimestamp(0) + 1 s): one second after the start of each recording.
    await ok(info(), 'POST', 'schedule/camera/FAKE0/io/led/set', { task_name: 'after1s', cron_expression: '1 0 0 1 1 ?', camera_relative: true, value: 1 });
    await ok(info(), 'POST', 'schedule/camera/FAKE0/io/ledgreen/set', { task_name: 'every2s', cron_expression: '%2 * * ? * * *', camera_relative: true, value: Infinity });
    await sleep(300);
    expect(scheduled('after1s')).toEqual([]);
    expect(rig().state.tasks.every((t) => t.nextRunAt === null)).toBe(true);

    await ok(info(), 'POST', 'camera/FAKE1/recording/start');
    await sleep(1300);
    expect(scheduled('after1s')).toEqual([]);

    await ok(info(), 'POST', 'camera/FAKE0/recording/start');
    const [run] = await waitForRuns('after1s', 1, 3000);
    const startedAt = rig().state.cameras.FAKE0!.recording!.startedAt;
    expect(run!.at - startedAt).toBeGreaterThanOrEqual(1000);
    expect(run!.at - startedAt).toBeLessThan(1500);
    const ticks = await waitForRuns('every2s', 2, 5000);
    expect(ticks.map((e: SimEvent) => Math.round((e.at - startedAt) / 1000))).toEqual([2, 4]);

    await ok(info(), 'POST', 'camera/FAKE0/recording/stop');
    const count = scheduled('every2s').length;
    await sleep(2200);
    expect(scheduled('every2s')).toHaveLength(count);
    expect(rig().state.tasks.every((t) => t.nextRunAt === null)).toBe(true);
  }, 20_000);
});
