import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../src-main/cli/program';
import { cronHandlers } from '../../../../../src-main/core/cron/cron-handlers';
import { taskTiming } from '../../../../../src-main/core/operations/scheduled-tasks';
import { plan } from '../../../../../src-main/core/protocols/plan';
import { planTask } from '../../../../../src-main/core/protocols/plan-task';
import { cronEngine } from '../../../../../src-main/sim/cron-binding';

/**
 * One answer for a camera-relative task's first run, wherever it is asked: the Schedule tab
 * (cron.explain and the task list), `motifctl cron --relative-to`, the protocol plan and the
 * simulator's scheduler. Never at the start instant itself.
 */
const START = new Date('2026-03-02T10:00:00Z');
const CASES = [
  { expression: '0 */5 * * * *', firstSeconds: 300, secondSeconds: 600, tab: '+0h 05m 00s after the start' },
  { expression: '%2 * * ? * * *', firstSeconds: 2, secondSeconds: 4, tab: '+0h 00m 02s after the start' },
  { expression: '* * * * * *', firstSeconds: 1, secondSeconds: 2, tab: '+0h 00m 01s after the start' },
] as const;

async function cliTimes(expression: string): Promise<string[]> {
  let out = '';
  const code = await runCli(['cron', expression, '--relative-to', START.toISOString(), '--next', '2', '--tz', 'UTC', '--json'], {
    out: (t) => { out += t; },
    err: () => undefined,
    env: {},
  });
  expect(code).toBe(0);
  return (JSON.parse(out) as { times: string[] }).times;
}

const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);
const utc = (d: Date) => d.toISOString().replace('.000Z', 'Z');

describe.each(CASES)('camera-relative "$expression" first runs $firstSeconds s after the recording start', ({ expression, firstSeconds, secondSeconds, tab }) => {
  it('in the Schedule tab: the editor and the task list', async () => {
    const explained = await cronHandlers()['cron.explain']({ expression, cameraRelative: true, count: 2 });
    expect(explained).toMatchObject({ ok: true, value: { valid: true } });
    expect(explained.ok && explained.value.valid && explained.value.next[0]).toBe(tab);
    expect(taskTiming(expression, true, null, 'UTC').nextRun).toEqual({ kind: 'after-start', firstOffsetSeconds: firstSeconds });
  });

  it('in motifctl cron --relative-to', async () => {
    expect(await cliTimes(expression)).toEqual([utc(at(firstSeconds)), utc(at(secondSeconds))]);
  });

  it('in the protocol plan', () => {
    const tasks = [
      planTask({ name: 'rec', endpoint: 'schedule/camera/FAKE0/recording/start', args: { duration: 3600 }, cronExpression: '0 0 10 * * *', cameraRelative: false }, 'protocol'),
      planTask({ name: 'led', endpoint: 'schedule/camera/FAKE0/io/led/set', args: { value: 1 }, cronExpression: expression, cameraRelative: true }, 'protocol'),
    ];
    const planned = plan({ tasks, from: new Date(START.getTime() - 60_000), until: at(3599), timeZone: 'UTC', cameras: ['FAKE0'] });
    const led = planned.events.filter((e) => e.task === 'led').map((e) => new Date(e.atMs));
    expect(led.slice(0, 2)).toEqual([at(firstSeconds), at(secondSeconds)]);
  });

  it('on the simulated rig, armed when the recording starts', () => {
    expect(cronEngine.nextAfter(expression, START, { timeZone: 'UTC', epoch: START })).toEqual(at(firstSeconds));
  });
});
