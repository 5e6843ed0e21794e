import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProtocol } from '../../../../../src-main/core/protocols/compile';
import { Protocol } from '../../../../../src-main/core/protocols/model';
import { fillParameters } from '../../../../../src-main/core/protocols/parameters';
import { formatInZone } from '../../../../../src-main/core/cron';
import { plan } from '../../../../../src-main/core/protocols/plan';
import { planTaskOfCompiled } from '../../../../../src-main/core/protocols/plan-task';

const example = (name: string) =>
  Protocol.parse(JSON.parse(readFileSync(path.join(__dirname, '../../../../../examples/protocols', `${name}.json`), 'utf8')));
const tasksOf = (name: string) =>
  compileProtocol(fillParameters(example(name))).tasks.map((t) => ({ name: t.name, ...t.command, cameraRelative: t.cameraRelative }));
const planOf = (name: string, from: string, until: string) =>
  plan({
    tasks: compileProtocol(fillParameters(example(name))).tasks.map(planTaskOfCompiled),
    from: new Date(from), until: new Date(until), timeZone: 'Europe/Vienna',
  }).events.map((e) => [vienna(e.atMs), e.action, e.args, typeof e.endMs === 'number' ? vienna(e.endMs) : null]);
const vienna = (ms: number) => formatInZone(new Date(ms), 'Europe/Vienna');

describe('the three example protocols', () => {
  it('hourly-stimulus: a recording every hour on the hour, a camera-relative toggle every 5 min', () => {
    expect(tasksOf('hourly-stimulus')).toEqual([
      { name: 'mc-hourly-stimulus-1', endpoint: 'schedule/recording/start', cameraRelative: false,
        args: { task_name: 'mc-hourly-stimulus-1', cron_expression: '0 0 * * * *', codec: 'high', duration: 1800 } },
      { name: 'mc-hourly-stimulus-2', endpoint: 'schedule/io/led/set', cameraRelative: true,
        args: { task_name: 'mc-hourly-stimulus-2', cron_expression: '0 5%5 * * * *', camera_relative: true, value: Infinity } },
    ]);
    const rec = { codec: 'high', duration: 1800 };
    const led = { value: Infinity };
    expect(planOf('hourly-stimulus', '2026-06-01T08:00:00+02:00', '2026-06-01T09:00:00+02:00')).toEqual([
      ['2026-06-01T08:00:00+02:00', 'recording/start', rec, '2026-06-01T08:30:00+02:00'],
      ['2026-06-01T08:05:00+02:00', 'io/led/set', led, null],
      ['2026-06-01T08:10:00+02:00', 'io/led/set', led, null],
      ['2026-06-01T08:15:00+02:00', 'io/led/set', led, null],
      ['2026-06-01T08:20:00+02:00', 'io/led/set', led, null],
      ['2026-06-01T08:25:00+02:00', 'io/led/set', led, null],
      // 08:30 is the recording's end: the rig stops recording and disarms the task then.
      ['2026-06-01T09:00:00+02:00', 'recording/start', rec, '2026-06-01T09:30:00+02:00'],
    ]);
  });

  it('twice-daily-copy: recordings at 09:00 and 15:00 in one task, a copy at 17:00', () => {
    expect(tasksOf('twice-daily-copy')).toEqual([
      { name: 'mc-twice-daily-copy-1', endpoint: 'schedule/recording/start', cameraRelative: false,
        args: { task_name: 'mc-twice-daily-copy-1', cron_expression: '0 0 9,15 * * *', duration: 3600 } },
      { name: 'mc-twice-daily-copy-2', endpoint: 'schedule/recordings/copy_all', cameraRelative: false,
        args: { task_name: 'mc-twice-daily-copy-2', cron_expression: '0 0 17 * * *', location: '/mnt/nas/motif' } },
    ]);
    expect(planOf('twice-daily-copy', '2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00')).toEqual([
      ['2026-06-01T09:00:00+02:00', 'recording/start', { duration: 3600 }, '2026-06-01T10:00:00+02:00'],
      ['2026-06-01T15:00:00+02:00', 'recording/start', { duration: 3600 }, '2026-06-01T16:00:00+02:00'],
      ['2026-06-01T17:00:00+02:00', 'recordings/copy_all', { location: '/mnt/nas/motif' }, null],
    ]);
  });

  it('minute-one-pulses: light on at minute 1 (one-shot, with its year), buzzer toggled every 30 s after', () => {
    expect(tasksOf('minute-one-pulses')).toEqual([
      { name: 'mc-minute-one-pulses-1', endpoint: 'schedule/recording/start', cameraRelative: false,
        args: { task_name: 'mc-minute-one-pulses-1', cron_expression: '0 0 10 * * *', duration: 600 } },
      { name: 'mc-minute-one-pulses-2', endpoint: 'schedule/io/light/set', cameraRelative: true,
        args: { task_name: 'mc-minute-one-pulses-2', cron_expression: '0 1 0 1 1 ? 1970', camera_relative: true, value: 1 } },
      { name: 'mc-minute-one-pulses-3', endpoint: 'schedule/io/buzzer/set', cameraRelative: true,
        args: { task_name: 'mc-minute-one-pulses-3', cron_expression: '90%30 * * * * *', camera_relative: true, value: Infinity } },
    ]);
    const events = planOf('minute-one-pulses', '2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00');
    const buzz = (t: string) => [`2026-06-01T10:${t}+02:00`, 'io/buzzer/set', { value: Infinity }, null];
    expect(events).toEqual([
      ['2026-06-01T10:00:00+02:00', 'recording/start', { duration: 600 }, '2026-06-01T10:10:00+02:00'],
      ['2026-06-01T10:01:00+02:00', 'io/light/set', { value: 1 }, null],
      ...['01:30', '02:00', '02:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30', '06:00', '06:30', '07:00', '07:30', '08:00', '08:30', '09:00', '09:30'].map(buzz),
    ]);
  });

  it('fills per-rig parameters: the same protocol drives another output on another rig', () => {
    const tasks = compileProtocol(fillParameters(example('hourly-stimulus'), { output: 'ledgreen' }, 'Rig B')).tasks;
    expect(tasks[1]!.command.endpoint).toBe('schedule/io/ledgreen/set');
  });
});
