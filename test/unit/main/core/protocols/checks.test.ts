import { describe, expect, it } from 'vitest';
import { checkPlan, type CheckInput } from '../../../../../src-main/core/protocols/checks';
import { compileProtocol } from '../../../../../src-main/core/protocols/compile';
import { Protocol, type ProtocolInput } from '../../../../../src-main/core/protocols/model';
import { plan } from '../../../../../src-main/core/protocols/plan';
import { planTaskOfCompiled } from '../../../../../src-main/core/protocols/plan-task';

const ZONE = 'Europe/Vienna';
function check(input: Omit<ProtocolInput, 'version' | 'name'>, from: string, until: string, extra: Partial<CheckInput> = {}) {
  const protocol = Protocol.parse({ version: 1, name: 'trial', ...input });
  const compiled = compileProtocol(protocol);
  const planned = plan({ tasks: compiled.tasks.map(planTaskOfCompiled), from: new Date(from), until: new Date(until), timeZone: ZONE });
  return checkPlan({ rig: 'Rig A', protocol, compiled, plan: planned, timeZone: ZONE, from: new Date(from), until: new Date(until), ...extra });
}
const said = (ws: { code: string; message: string }[]) => ws.map((w) => `${w.code}: ${w.message}`);

describe('checks before applying, each a sentence with its time', () => {
  it('says when recordings overlap on one camera', () => {
    const w = check({ recordings: [{ when: { times: ['09:00', '09:30'] }, durationSeconds: 3600 }] }, '2026-06-01T00:00:00+02:00', '2026-06-01T23:59:59+02:00');
    expect(said(w)).toEqual([
      'overlap: On Rig A, all cameras: task "mc-trial-1" starts a recording at 2026-06-01T09:30:00+02:00 while the one task "mc-trial-1" started at 2026-06-01T09:00:00+02:00 still runs until 2026-06-01T10:00:00+02:00; the camera cannot record both.',
    ]);
    expect(w[0]!.at).toBe('2026-06-01T09:30:00+02:00');
  });

  it('says when a stimulus comes while nothing records, and when an action comes after the recording ends', () => {
    const w = check({
      recordings: [{ when: { times: ['09:00'] }, durationSeconds: 600, actions: [{ after: { at: 700 }, do: { kind: 'output', output: 'led', value: 1 } }] }],
      actions: [{ when: { times: ['12:00'] }, do: { kind: 'output', output: 'led', value: 0 } }],
    }, '2026-06-01T00:00:00+02:00', '2026-06-01T23:59:59+02:00');
    expect(said(w)).toEqual([
      'after-recording: Recording 1, action 1 comes 700 s after the start, but the recording lasts 600 s: it never runs.',
      'outside-recording: On Rig A, task "mc-trial-3" sets output led at 2026-06-01T12:00:00+02:00 while all cameras do not record.',
    ]);
  });

  it('says which outputs the rig does not report, which names are taken, and how far its clock is off', () => {
    const w = check(
      { recordings: [{ when: { times: ['09:00'] }, durationSeconds: 600, actions: [{ after: { at: 60 }, do: { kind: 'output', output: 'buzzer', value: 1 } }] }] },
      '2026-06-01T00:00:00+02:00', '2026-06-01T23:59:59+02:00',
      { outputs: { FAKE0: ['led', 'ledgreen'] }, cameras: ['FAKE0', 'FAKE1'], rigTaskNames: ['mc-trial-1', 'night'], ownTaskNames: [], clockOffsetSeconds: -5.4 },
    );
    expect(said(w)).toEqual([
      'name-clash: Rig A already has a task named "mc-trial-1" that this app did not put there for this protocol: applying would replace it, so it is refused until that task is removed or renamed.',
      "clock-offset: Rig A's clock is 5 s behind this computer's: its tasks run by its own clock, 5 s later than the same time here (the plan shows this computer's time).",
      'unknown-output: Rig A does not report an output named "buzzer" on camera FAKE0 (it reports led, ledgreen): task "mc-trial-2" would fail, first at 2026-06-01T09:01:00+02:00.',
    ]);
  });

  it('says when a wall-clock time does not exist or happens twice at a DST change', () => {
    const spring = check({ recordings: [{ when: { times: ['02:30'] }, durationSeconds: 60 }] }, '2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(said(spring)).toEqual([
      'dst-gap: On 2026-03-29 clocks in Europe/Vienna go forward at 02:00: task "mc-trial-1" set for 02:30 does not run that day (that time does not exist).',
    ]);
    const autumn = check({ recordings: [{ when: { times: ['02:30'] }, durationSeconds: 60 }] }, '2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00');
    expect(said(autumn)).toEqual([
      'dst-repeat: On 2026-10-25 clocks in Europe/Vienna go back: 02:30 happens twice, and task "mc-trial-1" runs both times.',
    ]);
  });

  it('says when a rig would carry more tasks than it should', () => {
    const many = Array.from({ length: 99 }, (_, i) => `other-${i}`);
    const w = check({ recordings: [{ when: { times: ['09:00'] }, durationSeconds: 60 }], actions: [{ when: { times: ['10:00'] }, do: { kind: 'copy' } }] },
      '2026-06-01T00:00:00+02:00', '2026-06-01T23:59:59+02:00', { rigTaskNames: many });
    expect(said(w)).toEqual([
      'too-many-tasks: Rig A would carry 101 scheduled tasks (2 from this protocol, 99 others); keep it to 100 or fewer: the rig checks every task every second and lists them all at once.',
    ]);
  });

  it('finds nothing to say about a sound protocol', () => {
    expect(check({ recordings: [{ when: { times: ['09:00'] }, durationSeconds: 600 }] }, '2026-06-01T00:00:00+02:00', '2026-06-01T23:59:59+02:00')).toEqual([]);
  });
});
