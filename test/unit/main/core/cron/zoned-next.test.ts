// Time zones and DST: the rig reads its wall clock every second, so a skipped local time
// never fires and a repeated one fires on both passes.
import { describe as suite, expect, it } from 'vitest';
import { cronSecondsAfter, datetimeToCron, formatInZone, matches, next, parse, type CronExpression } from '../../../../../src-main/core/cron';

function expr(text: string): CronExpression {
  const r = parse(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const inZone = (times: Date[], zone: string) => times.map((t) => formatInZone(t, zone));

suite('time zones', () => {
  it('reads the fields on the wall clock of the zone', () => {
    const times = next(expr('0 0 9 ? * MON-FRI'), new Date('2024-07-05T12:00:00Z'), 2, { timeZone: 'Europe/Berlin' }).times;
    expect(inZone(times, 'Europe/Berlin')).toEqual(['2024-07-08T09:00:00+02:00', '2024-07-09T09:00:00+02:00']);
    expect(times[0]?.toISOString()).toBe('2024-07-08T07:00:00.000Z');
  });

  it('skips a wall-clock time that a spring-forward change removes (02:30 on 2024-03-31 in Berlin)', () => {
    const times = next(expr('0 30 2 * * ?'), new Date('2024-03-30T12:00:00Z'), 2, { timeZone: 'Europe/Berlin' }).times;
    expect(inZone(times, 'Europe/Berlin')).toEqual(['2024-04-01T02:30:00+02:00', '2024-04-02T02:30:00+02:00']);
  });

  it('fires on both passes of a repeated hour (02:30 on 2024-10-27 in Berlin)', () => {
    const times = next(expr('0 30 2 * * ?'), new Date('2024-10-26T12:00:00Z'), 3, { timeZone: 'Europe/Berlin' }).times;
    expect(inZone(times, 'Europe/Berlin')).toEqual(['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00', '2024-10-28T02:30:00+01:00']);
  });

  it('keeps order through the repeated hour for dense expressions', () => {
    const times = next(expr('0 */20 * * * ?'), new Date('2024-10-27T00:30:00Z'), 6, { timeZone: 'Europe/Berlin' }).times;
    expect(inZone(times, 'Europe/Berlin')).toEqual([
      '2024-10-27T02:40:00+02:00', '2024-10-27T02:00:00+01:00', '2024-10-27T02:20:00+01:00',
      '2024-10-27T02:40:00+01:00', '2024-10-27T03:00:00+01:00', '2024-10-27T03:20:00+01:00',
    ]);
  });

  it('handles half-hour DST (Lord Howe) and non-DST zones', () => {
    const times = next(expr('0 15 2 * * ?'), new Date('2024-04-06T12:00:00Z'), 3, { timeZone: 'Australia/Lord_Howe' }).times;
    // 2024-04-07 02:00 +11:00 goes back to 01:30 +10:30: 01:30-02:00 repeats, 02:15 happens once.
    expect(inZone(times, 'Australia/Lord_Howe')).toEqual(['2024-04-07T02:15:00+10:30', '2024-04-08T02:15:00+10:30', '2024-04-09T02:15:00+10:30']);
    expect(inZone(next(expr('0 0 0 * * ?'), new Date('2024-01-01T00:00:00Z'), 1, { timeZone: 'Asia/Kolkata' }).times, 'Asia/Kolkata')).toEqual(['2024-01-02T00:00:00+05:30']);
  });

  it('counts monotonic hours on the local wall clock', () => {
    const e = expr('0 0 %5 * * ?');
    const times = next(e, new Date('2024-01-01T00:00:00+01:00'), 2, { timeZone: 'Europe/Berlin' }).times;
    // Local hours since local 1970-01-01 00:00: 2024-01-01T00 is hour 473352, which is 2 mod 5.
    for (const t of times) expect(matches(e, t, { timeZone: 'Europe/Berlin' })).toBe(true);
    expect(inZone(times, 'Europe/Berlin')).toEqual(['2024-01-01T03:00:00+01:00', '2024-01-01T08:00:00+01:00']);
  });

  it('throws RangeError for an unknown zone', () => {
    expect(() => next(expr('* * * * * *'), new Date(), 1, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

suite('datetimeToCron and cronSecondsAfter', () => {
  it('writes "S M H D MON ?" as the vendor client does, in the given zone', () => {
    expect(datetimeToCron(new Date('2019-05-17T16:05:09Z'), 'UTC')).toBe('9 5 16 17 5 ?');
    expect(datetimeToCron(new Date('2019-05-17T16:05:09Z'), 'Europe/Berlin')).toBe('9 5 18 17 5 ?');
    // Camera-relative "17 s after the start": the offset as a date on the UTC clock.
    const relative = expr(datetimeToCron(new Date(17_000), 'UTC'));
    const start = new Date('2024-02-01T10:00:00Z');
    expect(next(relative, start, 1, { epoch: start }).times[0]?.toISOString()).toBe('2024-02-01T10:00:17.000Z');
  });

  it('one-shot N seconds after the rig clock fires exactly once, at that second', () => {
    const rigNow = Date.UTC(2026, 10, 25, 12, 0, 0) / 1000 + 0.4;
    const text = cronSecondsAfter(rigNow, 30, 'Europe/Berlin');
    expect(text).toBe('31 0 13 25 11 ? 2026');
    const r = next(expr(text), new Date(rigNow * 1000), 2, { timeZone: 'Europe/Berlin' });
    expect(r.times.map((t) => t.getTime() / 1000)).toEqual([Math.ceil(rigNow + 30)]);
    expect(r.exhausted).toBe(true);
    expect(() => cronSecondsAfter(rigNow, -1)).toThrow(RangeError);
    expect(() => cronSecondsAfter(4_200_000_000, 0, 'UTC')).toThrow(/2099/);
  });
});
