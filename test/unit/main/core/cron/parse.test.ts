import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../../../src-main/core/cron';

function errorOf(text: string) {
  const r = parse(text);
  if (r.ok) throw new Error(`"${text}" parsed`);
  return r.error;
}

describe('parse', () => {
  it('reads the 6- and 7-field forms, lists, wrap ranges, steps and names', () => {
    const r = parse('0,30 */15 22-2/2 1-5,L,15W JAN-MAR/2 MON-FRI,5L,2#3 2026-2030');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.value.fields;
    expect(f.second.values).toEqual([0, 30]);
    expect(f.minute.values).toEqual([0, 15, 30, 45]);
    expect(f.hour.values).toEqual([0, 2, 22]); // cronex walks 22,23,0,1,2 and keeps every 2nd: 22, 0, 2
    expect(f.month.values).toEqual([1, 3]);
    expect(f.dayOfWeek.atoms.map((a) => a.kind)).toEqual(['range', 'lastWeekdayOfMonth', 'nthWeekdayOfMonth']);
    expect(f.year.values).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(r.value.hasYearField).toBe(true);
  });

  it('walks wrapped stepped ranges as cronex does (18-6/4 = 18, 22, 2, 6)', () => {
    const r = parse('0 0 18-6/4 * * *');
    expect(r.ok && r.value.fields.hour.values).toEqual([2, 6, 18, 22]);
    const a = parse('0 0 5/15 * * *');
    expect(a.ok && a.value.fields.hour.values).toEqual([5, 20]);
  });

  it('expands shortcuts with the seconds field', () => {
    const r = parse('@hourly');
    expect(r.ok && r.value.fields.minute.values).toEqual([0]);
    expect(r.ok && r.value.fields.hour.wildcard).toBe(true);
    expect(errorOf('@reboot').reason).toMatch(/unknown shortcut/);
  });

  it('reads monotonic terms with and without offset', () => {
    const r = parse('7%7 %2 * ? * * *');
    expect(r.ok && r.value.fields.second.atoms).toEqual([{ kind: 'monotonic', offset: 7, period: 7 }]);
    expect(r.ok && r.value.fields.minute.atoms).toEqual([{ kind: 'monotonic', offset: null, period: 2 }]);
  });

  it.each([
    ['60 * * * * *', 'second', '60', /out of range: seconds go from 0 to 59/],
    ['* * 24 * * *', 'hour', '24', /out of range/],
    ['* * * 0 * *', 'dayOfMonth', '0', /out of range/],
    ['* * * * 13 *', 'month', '13', /out of range/],
    ['* * * * FOO *', 'month', 'FOO', /not a number 1-12 or a name JAN-DEC/],
    ['* * * * * 8', 'dayOfWeek', '8', /out of range/],
    ['*/0 * * * * *', 'second', '*/0', /step of 0/],
    ['1/2/3 * * * * *', 'second', '1/2/3', /more than one/],
    ['L * * * * *', 'second', 'L', /only allowed in the day-of-month and day-of-week/],
    ['* * * 5L * *', 'dayOfMonth', '5L', /must stand alone/],
    ['* * * * * L', 'dayOfWeek', 'L', /last Friday/],
    ['* * * l * *', 'dayOfMonth', 'l', /upper-case/],
    ['* * * * 5W *', 'month', '5W', /only allowed in the day-of-month/],
    ['* * * 0W * *', 'dayOfMonth', '0W', /out of range/],
    ['* * * * * 1#6', 'dayOfWeek', '1#6', /at most 5 times/],
    ['* * * 1#2 * *', 'dayOfMonth', '1#2', /only allowed in the day-of-week/],
    ['%1 * * * * *', 'second', '%1', /at least 2/],
    ['%0 * * * * *', 'second', '%0', /at least 2/],
    ['* * * ? * %2', 'dayOfWeek', '%2', /except day-of-week/],
    ['*,5 * * * * *', 'second', '*,5', /must stand alone/],
    ['? * * * * *', 'second', '?', /only allowed in the day-of-month and day-of-week/],
    ['1,,2 * * * * *', 'second', '', /two commas/],
    ['5-5 * * * * *', 'second', '5-5', /whole cycle/],
    ['-1 * * * * *', 'second', '-1', /not a valid range/],
    ['* * * * * * 1969', 'year', '1969', /out of range/],
  ] as const)('%s → error in %s naming %s', (text, field, offending, reason) => {
    const e = errorOf(text);
    expect(e.field).toBe(field);
    expect(e.text).toBe(offending);
    expect(e.reason).toMatch(reason);
    expect(e.message).toContain(`"${offending}"`);
    expect(e.message.endsWith('.')).toBe(true);
  });

  it('rejects wrong field counts without naming a field', () => {
    expect(errorOf('* * * * *').reason).toMatch(/5-field cron/);
    expect(errorOf('* * * * * * * *').field).toBeNull();
    expect(errorOf('   ').reason).toMatch(/empty/);
  });

  it('never throws and never hangs on random strings (fuzz)', () => {
    const alphabet = fc.constantFrom(...'0123456789*?,-/%#LW @ \tJANMONFRIlw'.split(''));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
      const started = performance.now();
      const r = parse(text);
      expect(performance.now() - started).toBeLessThan(50);
      if (!r.ok) expect(typeof r.error.message).toBe('string');
    }), { numRuns: 3000 });
  });

  it('stays fast on very long input', () => {
    const started = performance.now();
    const r = parse(`${'1,'.repeat(200_000)}1 * * * * *`);
    expect(r.ok).toBe(true);
    expect(parse('9'.repeat(100_000)).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
