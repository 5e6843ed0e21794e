// Every cron example in the vendor docs (seed/motif-api-docs.txt, motifapi's README.cron.md)
// and in docs/wire.md, with what it TRULY means in the dialect.
import { describe as suite, expect, it } from 'vitest';
import { describe, matches, next, parse, type CronExpression } from '../../../../../src-main/core/cron';

function expr(text: string): CronExpression {
  const r = parse(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace('.000', ''));
const utc = { timeZone: 'UTC' };
const recordingStart = new Date('2019-05-17T13:14:00Z');
const relative = { epoch: recordingStart };

suite('vendor docs examples, true meaning', () => {
  it('"0 6-16 * * * *" ("every hour between 9am and 4pm") is second 0 of minutes 6..16 of every hour', () => {
    const e = expr('0 6-16 * * * *');
    expect(describe(e)).toBe('at second 0 of minutes 6 through 16 of every hour');
    const times = next(e, new Date('2019-05-17T09:00:00Z'), 13, utc).times;
    expect(iso(times)).toEqual([
      ...[6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map((m) => `2019-05-17T09:${String(m).padStart(2, '0')}:00Z`),
      '2019-05-17T10:06:00Z', '2019-05-17T10:07:00Z',
    ]);
  });

  it('"0 5 * ? * * *" absolute: second 0 of minute 5 of every hour', () => {
    const times = next(expr('0 5 * ? * * *'), new Date('2019-05-17T15:30:00Z'), 3, utc).times;
    expect(iso(times)).toEqual(['2019-05-17T16:05:00Z', '2019-05-17T17:05:00Z', '2019-05-17T18:05:00Z']);
  });

  it('"0 5 * ? * * *" camera-relative: 5 minutes after the start, then every hour (13:19, 14:19 for a 13:14 start)', () => {
    const times = next(expr('0 5 * ? * * *'), recordingStart, 3, relative).times;
    expect(iso(times)).toEqual(['2019-05-17T13:19:00Z', '2019-05-17T14:19:00Z', '2019-05-17T15:19:00Z']);
  });

  it('"0 * %2 ? * * *" absolute is NOT "every 2 hours": it fires every minute of every even hour', () => {
    const e = expr('0 * %2 ? * * *');
    expect(describe(e)).toBe('at second 0 of every minute of every 2nd hour counted from 1970-01-01 00:00:00');
    const times = next(e, new Date('2019-05-16T23:58:00Z'), 62, utc).times;
    expect(iso(times.slice(0, 3))).toEqual(['2019-05-17T00:00:00Z', '2019-05-17T00:01:00Z', '2019-05-17T00:02:00Z']);
    expect(iso(times.slice(59, 62))).toEqual(['2019-05-17T00:59:00Z', '2019-05-17T02:00:00Z', '2019-05-17T02:01:00Z']);
  });

  it('"0 * %2 ? * * *" camera-relative: every minute during the 1st, 3rd, 5th... hour after the start, starting at the start', () => {
    const e = expr('0 * %2 ? * * *');
    expect(matches(e, recordingStart, relative)).toBe(true); // the docs' list (15:14, 17:14) omits 13:14 and every minute
    const times = next(e, recordingStart, 61, relative).times;
    expect(iso(times.slice(0, 2))).toEqual(['2019-05-17T13:15:00Z', '2019-05-17T13:16:00Z']);
    expect(iso(times.slice(58, 61))).toEqual(['2019-05-17T14:13:00Z', '2019-05-17T15:14:00Z', '2019-05-17T15:15:00Z']);
  });

  it('"%2 * * ? * * *" ("toggles an LED every second") fires every 2 seconds from the recording start', () => {
    const e = expr('%2 * * ? * * *');
    expect(describe(e, { cameraRelative: true })).toBe('every 2nd second counted from the recording start, relative to the recording start');
    expect(iso(next(e, recordingStart, 3, relative).times)).toEqual(['2019-05-17T13:14:02Z', '2019-05-17T13:14:04Z', '2019-05-17T13:14:06Z']);
  });

  it('"0 15,45 * ? * * *" / "0 0,30 * ? * * *" camera-relative: on at 15 and 45, off at 0 and 30 minutes past each started hour', () => {
    const on = expr('0 15,45 * ? * * *');
    expect(describe(on, { cameraRelative: true })).toBe('at second 0 of minutes 15 and 45 of every hour, relative to the recording start');
    expect(iso(next(on, recordingStart, 3, relative).times)).toEqual(['2019-05-17T13:29:00Z', '2019-05-17T13:59:00Z', '2019-05-17T14:29:00Z']);
    const off = expr('0 0,30 * ? * * *');
    expect(matches(off, recordingStart, relative)).toBe(true); // "off" at the start itself
    expect(iso(next(off, recordingStart, 2, relative).times)).toEqual(['2019-05-17T13:44:00Z', '2019-05-17T14:14:00Z']);
  });

  it('"0 15%15 * ? * * *" fires at 15, 30, 45, 60... minutes after the start but never at the start', () => {
    const e = expr('0 15%15 * ? * * *');
    expect(matches(e, recordingStart, relative)).toBe(false);
    expect(iso(next(e, recordingStart, 4, relative).times)).toEqual(['2019-05-17T13:29:00Z', '2019-05-17T13:44:00Z', '2019-05-17T13:59:00Z', '2019-05-17T14:14:00Z']);
  });

  it('datetime_to_cron(fromtimestamp(0) + 17 s) = "17 0 0 1 1 ?" (on a UTC PC) fires 17 s after the start, then every virtual year', () => {
    const e = expr('17 0 0 1 1 ?');
    const times = next(e, recordingStart, 2, relative).times;
    // Virtual 1971-01-01 is 365 days after the start, which lands on 2020-05-16 (2020 is a leap year).
    expect(iso(times)).toEqual(['2019-05-17T13:14:17Z', '2020-05-16T13:14:17Z']);
    // On a PC at UTC+1, fromtimestamp(0) is 01:00 local: "17 0 1 1 1 ?" fires an hour late.
    expect(iso(next(expr('17 0 1 1 1 ?'), recordingStart, 1, relative).times)).toEqual(['2019-05-17T14:14:17Z']);
  });

  it('README.cron "0 0 1 */2 * *" ("first day of every quarter") is 01:00:00 on odd days of the month', () => {
    const e = expr('0 0 1 */2 * *');
    expect(describe(e)).toBe('at 01:00:00, on every 2nd day from 1 through 31 of the month');
    expect(iso(next(e, new Date('2019-01-30T12:00:00Z'), 3, utc).times)).toEqual(['2019-01-31T01:00:00Z', '2019-02-01T01:00:00Z', '2019-02-03T01:00:00Z']);
  });

  it('README.cron "0 12 * 6-9 * *" ("noon from June through September") is minute 12 of every hour on days 6-9', () => {
    const e = expr('0 12 * 6-9 * *');
    expect(describe(e)).toBe('at second 0 of minute 12 of every hour, on days 6 through 9 of the month');
    const times = next(e, new Date('2019-09-30T13:00:00Z'), 2, utc).times;
    expect(iso(times)).toEqual(['2019-10-06T00:12:00Z', '2019-10-06T01:12:00Z']);
  });

  it('README.cron weekday/day examples read with the seconds field shift too', () => {
    // "0 16 * * 1-5 *" ("4 PM every weekday") is minute 16 of every hour, January to May.
    expect(describe(expr('0 16 * * 1-5 *'))).toBe('at second 0 of minute 16 of every hour, in January through May');
    // "0 16 1-9 * * *" ("the first nine days") is minute 16 of hours 1-9, every day.
    expect(describe(expr('0 16 1-9 * * *'))).toBe('at second 0 of minute 16 of hours 1 through 9');
    // "0 16 1-7 * 6 *" ("first week, then Saturdays") is minute 16 of hours 1-7, in June.
    const e = expr('0 16 1-7 * 6 *');
    expect(describe(e)).toBe('at second 0 of minute 16 of hours 1 through 7, in June');
    expect(iso(next(e, new Date('2019-01-01T00:00:00Z'), 2, utc).times)).toEqual(['2019-06-01T01:16:00Z', '2019-06-01T02:16:00Z']);
  });

  it('README.cron "%7 * * ? * *" is every 7 s counted from the epoch (not :0, :7, :14 of each minute)', () => {
    const times = next(expr('%7 * * ? * *'), new Date('1970-01-01T00:00:55Z'), 3, utc).times;
    expect(iso(times)).toEqual(['1970-01-01T00:00:56Z', '1970-01-01T00:01:03Z', '1970-01-01T00:01:10Z']);
  });

  it('README.cron "7%7 * * ? * *" starts at 7 s: 7, 14, 21 but not 0', () => {
    const e = expr('7%7 * * ? * *');
    expect(matches(e, new Date(0), utc)).toBe(false);
    expect(iso(next(e, new Date(-1000), 3, utc).times)).toEqual(['1970-01-01T00:00:07Z', '1970-01-01T00:00:14Z', '1970-01-01T00:00:21Z']);
  });

  it('cronex "%15" in days from 2017-01-01 matches Jan 1, 16 and 31 (camera-relative epoch)', () => {
    const e = expr('0 0 0 %15 * ?');
    const times = next(e, new Date('2016-12-31T23:59:59Z'), 3, { epoch: new Date('2017-01-01T00:00:00Z') }).times;
    expect(iso(times)).toEqual(['2017-01-01T00:00:00Z', '2017-01-16T00:00:00Z', '2017-01-31T00:00:00Z']);
  });
});

suite('wire doc examples', () => {
  it('ranges wrap: 22-2 in hours is 22, 23, 0, 1, 2', () => {
    expect(expr('0 0 22-2 * * *').fields.hour.values).toEqual([0, 1, 2, 22, 23]);
    expect(describe(expr('0 0 22-2 * * *'))).toBe('at second 0 of minute 0 of hours 22 through 2');
  });
  it('2#3 is the third Tuesday, 5L the last Friday, 15W the weekday nearest the 15th', () => {
    expect(iso(next(expr('0 0 0 ? * 2#3'), new Date('2019-05-01T00:00:00Z'), 1, utc).times)).toEqual(['2019-05-21T00:00:00Z']);
    expect(iso(next(expr('0 0 0 ? * 5L'), new Date('2019-05-01T00:00:00Z'), 1, utc).times)).toEqual(['2019-05-31T00:00:00Z']);
    // 2019-06-15 is a Saturday: 15W is Friday the 14th. 2019-09-15 is a Sunday: Monday the 16th.
    expect(iso(next(expr('0 0 0 15W * ?'), new Date('2019-06-01T00:00:00Z'), 1, utc).times)).toEqual(['2019-06-14T00:00:00Z']);
    expect(iso(next(expr('0 0 0 15W 9 ?'), new Date('2019-06-01T00:00:00Z'), 1, utc).times)).toEqual(['2019-09-16T00:00:00Z']);
  });
  it('7%7 fires at 7, 14, 21 units; month names, day names and 7 = Sunday', () => {
    expect(expr('0 0 0 ? JAN-MAR SUN,7').fields.dayOfWeek.values).toEqual([0]);
    expect(expr('0 0 0 ? JAN-MAR sat-7').fields.dayOfWeek.values).toEqual([0, 6]);
    expect(expr('0 0 0 ? jan-mar *').fields.month.values).toEqual([1, 2, 3]);
  });
  it('day-of-month and day-of-week both restricted: either matches (so "29 2 MON" is not "Feb 29 that is a Monday")', () => {
    const e = expr('0 0 0 29 2 MON');
    expect(matches(e, new Date('2021-02-01T00:00:00Z'), utc)).toBe(true); // a Monday in February
    expect(matches(e, new Date('2020-02-29T00:00:00Z'), utc)).toBe(true); // a Saturday, but Feb 29
    expect(matches(e, new Date('2021-02-02T00:00:00Z'), utc)).toBe(false);
    // The real "Feb 29 that is a Monday" is the 5th Monday of February.
    expect(iso(next(expr('0 0 0 ? 2 1#5'), new Date('2020-01-01T00:00:00Z'), 3, utc).times))
      .toEqual(['2044-02-29T00:00:00Z', '2072-02-29T00:00:00Z', '2112-02-29T00:00:00Z']);
  });
});
