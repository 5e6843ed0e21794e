import { describe, expect, it } from 'vitest';
import { compileProtocol } from '../../../../../src-main/core/protocols/compile';
import { fieldText, wallClockExpressions } from '../../../../../src-main/core/protocols/cron-text';
import { Protocol, protocolProblems } from '../../../../../src-main/core/protocols/model';
import { fillParameters } from '../../../../../src-main/core/protocols/parameters';
import { readProtocolText } from '../../../../../src-main/core/protocols/protocol-store';

const problems = (raw: unknown) => {
  const r = Protocol.safeParse(raw);
  return r.success ? [] : protocolProblems(r.error);
};

describe('the protocol model', () => {
  it('says what is wrong with a bad file, and where', () => {
    expect(problems({ version: 2, name: 'x', recordings: [] })).toContain('"version" must be 1: this app reads protocols of version 1.');
    expect(problems({ version: 1, name: 'x', recordings: [{ when: { times: ['9am'] }, durationSeconds: 60 }] }))
      .toEqual(['"recordings.0.when.times.0" must be a time of day written HH:MM or HH:MM:SS (24-hour clock), e.g. 09:00.']);
    expect(problems({ version: 1, name: 'x', recordings: [{ when: { times: ['09:00'], every: { minutes: 5 } }, durationSeconds: 60 }] }))
      .toEqual(['"recordings.0.when" needs either "times" (a list of times of day) or "every" (every N minutes), not both and not neither.']);
    expect(problems({ version: 1, name: 'x', recordings: [{ when: { times: ['09:00'] }, durationSeconds: 60, actions: [{ after: { every: 1, from: 5 }, do: { kind: 'output', output: 'led', value: 1 } }] }] }))
      .toEqual(['"recordings.0.actions.0.after.every" must be at least 2 s: the dialect\'s repeating terms need a period of 2 or more.']);
    expect(problems({ version: 1, name: 'x' })).toEqual(['The protocol has nothing to do: add a recording or an action.']);
    expect(() => readProtocolText('{"version": 1,', 'trial.json')).toThrow(/^trial\.json is not JSON/);
  });

  it('refuses a parameter with no value for the rig, naming it and the rig', () => {
    const p = Protocol.parse({ version: 1, name: 'x', parameters: { animal: {} }, recordings: [{ when: { times: ['09:00'] }, durationSeconds: 60, metadata: { animal: '{{animal}}' } }] });
    expect(() => fillParameters(p, {}, 'Rig 3')).toThrow('Protocol "x" needs "animal" for Rig 3: give a value for the rig, or a default in the protocol.');
    expect(fillParameters(p, { animal: 'fly-7' }).recordings[0]!.metadata).toEqual({ animal: 'fly-7' });
  });
});

describe('wall-clock times as expressions', () => {
  it('writes the shortest faithful field text', () => {
    expect(fieldText([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22], 0, 23)).toBe('*/2');
    expect(fieldText([9, 10, 11, 12, 15], 0, 23)).toBe('9-12,15');
    expect(fieldText([9, 15], 0, 23)).toBe('9,15');
  });

  it('never fires at a time not asked for: times with different minutes get their own expressions', () => {
    expect(wallClockExpressions({ times: ['09:00', '15:30'] })).toEqual(['0 0 9 * * *', '0 30 15 * * *']);
    expect(wallClockExpressions({ every: { minutes: 20 }, between: { from: '09:00', until: '11:00' } })).toEqual(['0 0 9-11 * * *', '0 20,40 9,10 * * *']);
    expect(wallClockExpressions({ times: ['09:00'], days: ['mon', 'fri'] })).toEqual(['0 0 9 ? * MON,FRI']);
    // Dates are one-shot: they carry the year, or the rig would run them again every year.
    expect(wallClockExpressions({ times: ['09:00'], dates: ['2027-06-15', '2027-06-16', '2027-07-01'] })).toEqual(['0 0 9 15,16 6 ? 2027', '0 0 9 1 7 ? 2027']);
  });
});

describe('jitter', () => {
  const jittered = (seed: number) => Protocol.parse({
    version: 1, name: 'jit', seed,
    recordings: [{ when: { times: ['09:00'] }, durationSeconds: 600, actions: [{ after: { every: 120, from: 60, jitter: 20 }, do: { kind: 'output', output: 'led', value: 1 } }] }],
  });

  it('is drawn from the recorded seed: the same seed compiles to the same tasks, another seed to others', () => {
    const a = compileProtocol(jittered(7));
    expect(compileProtocol(jittered(7))).toEqual(a);
    expect(a.seed).toBe(7);
    expect(compileProtocol(jittered(8)).tasks.map((t) => t.cronExpression)).not.toEqual(a.tasks.map((t) => t.cronExpression));
    // Five repeats within the 600 s recording, each one-shot relative to its start, within ±20 s of 60 + k*120.
    const relative = a.tasks.filter((t) => t.cameraRelative);
    expect(relative).toHaveLength(5);
    relative.forEach((t, k) => {
      const [s, m] = t.cronExpression.split(' ').map(Number);
      expect(Math.abs(m! * 60 + s! - (60 + k * 120))).toBeLessThanOrEqual(20);
      expect(t.cronExpression).toMatch(/ 1 1 \? 1970$/);
    });
  });
});
