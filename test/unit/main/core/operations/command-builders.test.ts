import { describe, expect, it } from 'vitest';
import * as cmd from '../../../../../src-main/core/operations/command-builders';
import { stringifyWire } from '../../../../../src-main/core/python-json';
import { changeKind } from '../../../../../src-main/core/outbox/outbox-policy';

describe('rig commands', () => {
  it('start recording on all cameras or one, with the vendor argument names', () => {
    const options = { codec: 'high', durationSeconds: 5, metadata: { foo: 1, bar: 'bob' }, recordToStore: true };
    expect(cmd.recordingStart(options)).toEqual({
      endpoint: 'recording/start',
      args: { codec: 'high', duration: 5, record_to_store: true, metadata: { foo: 1, bar: 'bob' } }
    });
    expect(cmd.recordingStart({}, 'FAKE0')).toEqual({ endpoint: 'camera/FAKE0/recording/start', args: {} });
    expect(cmd.recordingStop('FAKE1').endpoint).toBe('camera/FAKE1/recording/stop');
  });

  it('write the toggle rule as bare Infinity tokens', () => {
    expect(stringifyWire(cmd.setOutput('led', 'toggle-start-high').args)).toBe('{"value": Infinity}');
    expect(stringifyWire(cmd.setOutput('led', 'toggle-start-low', 'FAKE0').args)).toBe('{"value": -Infinity}');
    expect(cmd.setOutput('led', 0.3, 'FAKE0').endpoint).toBe('camera/FAKE0/io/led/set');
  });

  it('build every scheduled operation on its schedule endpoint, queueable', () => {
    const task = { taskName: 'toggle_led_2s', cronExpression: '%2 * * ? * * *', cameraRelative: true };
    const led = cmd.scheduleTask(task, { kind: 'outputs.set', name: 'led', value: 'toggle-start-high' }, 'FAKE0');
    expect(led).toEqual({
      endpoint: 'schedule/camera/FAKE0/io/led/set',
      args: { task_name: 'toggle_led_2s', cron_expression: '%2 * * ? * * *', camera_relative: true, value: Infinity }
    });
    const rec = cmd.scheduleTask({ taskName: 'rec', cronExpression: '0 0 * * * *' }, { kind: 'recording.start', options: { durationSeconds: 1800 } });
    expect(rec.endpoint).toBe('schedule/recording/start');
    expect(rec.args).toEqual({ task_name: 'rec', cron_expression: '0 0 * * * *', duration: 1800 });
    const conf = cmd.scheduleTask({ taskName: 'g', cronExpression: '0 * * * * *' }, { kind: 'cameras.configure', name: 'Gain', value: 2 });
    expect(conf.endpoint).toBe('schedule/cameras/configure/Gain');
    const copy = cmd.scheduleTask({ taskName: 'c', cronExpression: '0 0 17 * * *' }, { kind: 'recordings.copy', options: { deleteAfter: true } }, 'FAKE1');
    expect(copy).toMatchObject({ endpoint: 'schedule/camera/FAKE1/recordings/copy_all', args: { delete_after: true } });
    const exp = cmd.scheduleTask({ taskName: 'e', cronExpression: '0 0 18 * * *' }, { kind: 'recordings.export', options: { toStore: false } });
    expect(exp).toMatchObject({ endpoint: 'schedule/recordings/export_all', args: { to_store: false } });
  });

  it('are classified by the outbox policy: scheduling and configuration may wait, the rest is time-critical', () => {
    const task = { taskName: 't', cronExpression: '0 * * * * *' };
    for (const c of [
      cmd.configure({ Gain: 1 }),
      cmd.configure({ Gain: 1 }, 'FAKE0'),
      cmd.clearSchedule('x'),
      cmd.clearSchedule(),
      cmd.scheduleTask(task, { kind: 'outputs.set', name: 'led', value: 1 }, 'FAKE0'),
      cmd.scheduleTask(task, { kind: 'recording.start', options: {} }),
    ]) {
      expect(changeKind(c.endpoint), c.endpoint).toBe('queueable');
    }
    for (const c of [
      cmd.recordingStart({}),
      cmd.recordingStop('FAKE0'),
      cmd.setOutput('led', 1),
      cmd.copyAll({}),
      cmd.exportAll({}, 'FAKE1'),
      cmd.message('hi'),
      cmd.multicam('connect', '__all'),
      cmd.synchronize(),
      cmd.logIo({ a: 1 }),
    ]) {
      expect(changeKind(c.endpoint), c.endpoint).toBe('time-critical');
    }
    expect(cmd.clearSchedule('x')).toEqual({ endpoint: 'schedule/x/clear' });
  });

  it('refuse path segments that would change the endpoint', () => {
    expect(() => cmd.recordingStart({}, 'FAKE0/../x')).toThrow(RangeError);
    expect(() => cmd.setOutput('led/set', 1)).toThrow(RangeError);
    expect(() => cmd.multicam('connect', 'a b')).toThrow(RangeError);
    expect(cmd.multicam('connect', '__all').endpoint).toBe('multicam/connect_camera/__all');
    expect(cmd.setDevicePort('-1', '3', { state: 1 })).toEqual({ endpoint: 'io/-1/3/set', args: { state: 1 } });
  });
});
