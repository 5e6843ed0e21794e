import { describe, expect, it } from 'vitest';
import { toEntry } from '../../../../../src-main/core/audit/audit-log';

const command = (endpoint: string, args: object) => ({
  rigId: 'r1',
  rigName: 'Arena 1',
  endpoint,
  method: 'POST',
  args,
  startedAtMs: Date.UTC(2026, 0, 1),
  durationMs: 2,
  error: null,
  secretValues: ['KEY-1234'],
});

describe('audit entries in words', () => {
  it('say what a toggle does although the stored arguments spell Infinity as text', () => {
    const entry = toEntry(command('io/led/set', { value: Infinity }));
    expect(entry.words).toBe('Set output led on the rig to toggle, start high');
    expect(entry.args).toEqual({ value: 'Infinity' });
    expect(toEntry(command('schedule/camera/FAKE0/io/led/set', { task_name: 't', cron_expression: '%2 * * ? * * *', value: -Infinity })).words).toBe(
      'Schedule task "t": Set output led on camera FAKE0 to toggle, start low at "%2 * * ? * * *"',
    );
  });

  it('never carry a secret, by name or by value', () => {
    const entry = toEntry(command('cameras/configure', { password: 'hunter2', Gain: 'KEY-1234' }));
    expect(entry.words).not.toContain('hunter2');
    expect(entry.words).not.toContain('KEY-1234');
  });
});
