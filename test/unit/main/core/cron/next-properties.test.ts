// next() is a jump search; matches() checks fields directly. Each reported time must match,
// and brute-force scanning of the seconds between two reported times must find no match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matches, next, parse, type CronExpression, type NextOptions } from '../../../../../src-main/core/cron';

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const int = (min: number, max: number) => fc.integer({ min, max });

function timeField(max: number): fc.Arbitrary<string> {
  const atom = fc.oneof(
    int(0, max).map(String),
    fc.tuple(int(0, max), int(0, max), int(1, 20)).filter(([a, b]) => a !== b).map(([a, b, s]) => `${a}-${b}/${s}`),
    fc.tuple(int(0, max), int(1, 30)).map(([a, s]) => `${a}/${s}`),
    int(1, 30).map((s) => `*/${s}`),
    int(2, 90).map((n) => `%${n}`),
    fc.tuple(int(0, 40), int(2, 40)).map(([k, n]) => `${k}%${n}`),
  );
  return fc.oneof({ weight: 3, arbitrary: fc.constant('*') }, { weight: 4, arbitrary: fc.array(atom, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(',')) });
}

const dayOfMonth = fc.oneof(
  { weight: 4, arbitrary: pick('*', '?') },
  { weight: 3, arbitrary: fc.array(fc.oneof(int(1, 31).map(String), pick('L'), int(1, 31).map((d) => `${d}W`), int(2, 9).map((n) => `%${n}`),
    fc.tuple(int(1, 31), int(1, 31)).filter(([a, b]) => a !== b).map(([a, b]) => `${a}-${b}`)), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(',')) },
);
const dayOfWeek = fc.oneof(
  { weight: 4, arbitrary: pick('*', '?') },
  { weight: 3, arbitrary: fc.array(fc.oneof(int(0, 7).map(String), pick('MON-FRI', 'SAT,SUN', '5-7', 'wed'), int(0, 6).map((d) => `${d}L`),
    fc.tuple(int(0, 7), int(1, 5)).map(([d, n]) => `${d}#${n}`)), { minLength: 1, maxLength: 2 }).map((xs) => xs.join(',')) },
);
const month = fc.oneof({ weight: 4, arbitrary: fc.constant('*') }, { weight: 1, arbitrary: pick('JAN-MAR', '2', '11-2', '*/2', '%3', '2,3,10') });
const year = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: pick(' *', ' 2024-2030', ' %2', ' 2025,2027') });

const expression = fc.tuple(timeField(59), timeField(59), timeField(23), dayOfMonth, month, dayOfWeek, year)
  .map(([s, m, h, dom, mon, dow, y]) => `${s} ${m} ${h} ${dom} ${mon} ${dow}${y}`);

function parsed(text: string): CronExpression {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.value;
}

const clocks: fc.Arbitrary<NextOptions> = fc.oneof(
  pick<NextOptions>({ timeZone: 'UTC' }, { timeZone: 'Europe/Berlin' }, { timeZone: 'America/New_York' }, { timeZone: 'Australia/Lord_Howe' }),
  int(0, 2_000_000_000).map((s) => ({ epoch: new Date(Date.UTC(2024, 0, 1) + s * 997) })),
);
// Start near DST changes often: late March / late October / early November / early April.
const starts = fc.oneof(
  int(Date.UTC(2023, 0, 1) / 1000, Date.UTC(2030, 0, 1) / 1000).map((s) => new Date(s * 1000 + 123)),
  pick('2024-03-31T00:30:00Z', '2024-10-27T00:10:00Z', '2024-11-03T05:30:00Z', '2024-03-10T06:50:00Z', '2024-04-06T14:45:00Z', '2024-10-05T15:20:00Z').map((t) => new Date(t)),
);

const BRUTE_FORCE_LIMIT_S = 4 * 3600;

describe('next against matches', () => {
  it('every fire time matches, is in order, strictly after from, whole seconds; no matching second is skipped', () => {
    let scannedSeconds = 0;
    fc.assert(fc.property(expression, starts, clocks, (text, from, opts) => {
      const expr = parsed(text);
      const { times } = next(expr, from, 20, opts);
      let previous = from.getTime();
      const origin = opts.epoch?.getTime() ?? 0;
      for (const t of times) {
        expect(t.getTime()).toBeGreaterThan(previous);
        expect(Math.abs((t.getTime() - origin) % 1000)).toBe(0);
        expect(matches(expr, t, opts)).toBe(true);
        const firstCandidate = previous === from.getTime() ? origin + Math.floor((previous - origin) / 1000) * 1000 + 1000 : previous + 1000;
        if (t.getTime() - firstCandidate <= BRUTE_FORCE_LIMIT_S * 1000) {
          for (let s = firstCandidate; s < t.getTime(); s += 1000) {
            if (matches(expr, new Date(s), opts)) throw new Error(`${text} skipped ${new Date(s).toISOString()} before ${t.toISOString()} (${JSON.stringify(opts)})`);
            scannedSeconds++;
          }
        }
        previous = t.getTime();
      }
    }), { numRuns: 400 });
    expect(scannedSeconds).toBeGreaterThan(100_000); // the scan really ran on dense expressions
  });

  it('after an exhausted answer, there is really nothing for years', () => {
    const expr = parsed('0 0 0 1 1 ? 2026');
    const r = next(expr, new Date('2026-01-01T00:00:00Z'), 3, { timeZone: 'UTC' });
    expect(r).toMatchObject({ times: [], exhausted: true });
    expect(r.reason).toMatch(/nothing matches in the allowed years \(up to 2026\)/);
  });
});

describe('sparse and impossible expressions answer quickly', () => {
  it.each([
    ['0 0 0 ? 2 1#5', 5], // Feb 29 that is a Monday
    ['0 0 0 29 2 ?', 100],
    ['0 0 12 L 2 ?', 100], // last day of February, leap or not
    ['0 0 0 29W 2 ?', 100],
    ['0 0 0 ? 2 6L', 100],
    ['0 0 0 %1000 * ?', 100],
    ['%999983 * * ? * *', 100],
    ['0 %100003 * ? * *', 50],
  ])('%s: %i fire times in < 50 ms', (text, count) => {
    const expr = parsed(text);
    const started = performance.now();
    const r = next(expr, new Date('2025-06-01T00:00:00Z'), count, { timeZone: 'Europe/Berlin' });
    expect(performance.now() - started).toBeLessThan(200); // generous for CI; the bench measures
    expect(r.times).toHaveLength(count);
    for (const t of r.times) expect(matches(expr, t, { timeZone: 'Europe/Berlin' })).toBe(true);
  });

  it.each([
    ['0 0 0 30 2 ?', /February never has day 30/],
    ['0 0 0 31 4,6,9,11 ?', /never have day 31/],
    ['0 0 0 29 2 ? 2097-2099', /none is a leap year/],
    ['0 0 0 1 1 ? 2020', /no year after 2020/],
    ['0 0 0 ? 2 1#5 2045-2060', /nothing matches in the allowed years/],
  ])('%s is exhausted with a reason, at once', (text, reason) => {
    const started = performance.now();
    const r = next(parsed(text), new Date('2025-06-01T00:00:00Z'), 5, { timeZone: 'UTC' });
    expect(performance.now() - started).toBeLessThan(200);
    expect(r.exhausted).toBe(true);
    expect(r.times).toEqual([]);
    expect(r.reason).toMatch(reason);
  });
});
