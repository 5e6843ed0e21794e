import { describe, expect, it } from 'vitest';
import type { ScheduledTask } from '../../../../../src-main/contract/requests/operations';
import type { OutboxEntry } from '../../../../../src-main/contract/requests/outbox';
import { CRON_PRESETS, nextRunWords, presetEffect, submittedTaskWords, waitingRows } from '../../../../../src-renderer/features/schedule/task-rows';

const task = (over: Partial<ScheduledTask>): ScheduledTask => ({ name: 't', words: 'Set output led on the rig to 1', raw: {}, ...over });
const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({
  id: 'e1',
  rigId: 'r1',
  rigName: 'Rig 1',
  endpoint: 'schedule/recording/start',
  method: 'POST',
  args: { task_name: 'rec_hourly', cron_expression: '0 0 * * * *', duration: 1800 },
  words: 'Schedule task "rec_hourly": Start recording on all cameras, duration 30 min at "0 0 * * * *"',
  state: 'pending',
  createdAtMs: 0,
  attempts: 0,
  lastAttemptAtMs: null,
  appliedAtMs: null,
  error: null,
  ...over,
});
const preset = (label: string) => CRON_PRESETS.find((p) => p.label === label)!;

describe('the task table', () => {
  it('says the next run on the rig wall clock, or after each recording start', () => {
    expect(nextRunWords(task({ nextRun: { kind: 'at', time: '2026-11-30T10:00:00Z', unixSeconds: 0 } }), 'Europe/Vienna')).toBe('Mon 2026-11-30 11:00:00');
    expect(nextRunWords(task({ nextRun: { kind: 'after-start', firstOffsetSeconds: 65 } }), 'UTC')).toBe('after each recording start (first +0:01:05)');
    expect(nextRunWords(task({ nextRun: { kind: 'none', reason: 'February 30 never comes.' } }), 'UTC')).toBe('February 30 never comes.');
  });

  it("lists the rig's schedule changes still in the outbox, and only those", () => {
    const rows = waitingRows(
      [
        entry({}),
        entry({ id: 'e2', endpoint: 'cameras/configure', args: { Gain: 2 } }),
        entry({ id: 'e3', rigId: 'r2' }),
        entry({ id: 'e4', state: 'applied' }),
        entry({ id: 'e5', endpoint: 'schedule/old/clear', args: {}, words: 'Clear scheduled task "old"' }),
      ],
      'r1',
    );
    expect(rows.map((r) => [r.name, r.waiting, r.cronExpression, r.nextRun])).toEqual([
      ['rec_hourly', 'pending', '0 0 * * * *', 'when the rig is back'],
      ['old', 'pending', null, 'when the rig is back'],
    ]);
  });
});

describe('a submitted task in words', () => {
  it('names the operation, its arguments and the expression', () => {
    expect(submittedTaskWords({ operation: { kind: 'recording.start', options: {} }, cronExpression: '0 0 * * * *' })).toBe('start recording, at "0 0 * * * *"');
    expect(
      submittedTaskWords({ operation: { kind: 'outputs.set', name: 'led', value: 'toggle-start-high' }, cronExpression: '%2 * * ? * * *', cameraRelative: true }),
    ).toBe('set an output led to toggle, start high, at "%2 * * ? * * *" from each recording start');
  });
});

describe('cron example chips', () => {
  it('never untick Camera-relative: a wall-clock example leaves it and says it stays ticked', () => {
    expect(presetEffect(preset('Every 5 minutes'), { cameraRelative: true, relativeAllowed: true })).toEqual({
      tickCameraRelative: false,
      switchToOutput: false,
      note: 'Camera-relative stays ticked: these times count from each recording start.',
    });
    expect(presetEffect(preset('Every hour on the hour'), { cameraRelative: false, relativeAllowed: false }).note).toBeNull();
  });

  it('say what else the camera-relative example changes', () => {
    expect(presetEffect(preset('Every 2 s from recording start'), { cameraRelative: true, relativeAllowed: true })).toEqual({
      tickCameraRelative: false,
      switchToOutput: false,
      note: null,
    });
    const fromRecording = presetEffect(preset('Every 2 s from recording start'), { cameraRelative: false, relativeAllowed: false });
    expect(fromRecording).toMatchObject({ tickCameraRelative: true, switchToOutput: true });
    expect(fromRecording.note).toMatch(/Camera-relative is now ticked.*The operation is now "Set an output"/);
  });
});
