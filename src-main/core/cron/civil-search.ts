/**
 * The jump search on civil seconds: find the next allowed year, month, day, hour, minute
 * and second, carrying into the larger field when a smaller one has no value left. Fields
 * made only of monotonic terms are jumped to arithmetically, so sparse expressions cost a
 * handful of steps per month at most, never a scan of seconds.
 */
import { daysFromCivil, daysInMonth, SECONDS_PER_DAY, splitCivilSeconds } from '../../../src-shared/calendar';
import {
  firstDayInMask, monthDayMask, nextFieldValue, nextTermValue,
  type CompiledExpression, type CompiledNumericField, type MonotonicTerm,
} from './compile';

/** Civil seconds of 10000-01-01: the search never looks past year 9999. */
export const CIVIL_SEARCH_END = daysFromCivil(10_000, 1, 1) * SECONDS_PER_DAY;
const MAX_STEPS = 2_000_000;

export type CivilSearch = { found: number } | { found: null; reason: 'horizon' | 'step-limit' };

function startOfYear(year: number): number { return daysFromCivil(year, 1, 1) * SECONDS_PER_DAY; }

/** Next delta ≥ from matched by any term, as a count of units. */
function nextTermDelta(terms: MonotonicTerm[], from: number): number {
  let best = Infinity;
  for (const t of terms) {
    const v = nextTermValue(t, 0, Infinity, from);
    if (v !== -1 && from + v < best) best = from + v;
  }
  return best;
}

/** Where to go when `field` has no value left in its unit: the next unit, or the field's next match. */
function carry(field: CompiledNumericField, nextUnitStart: number, unitSeconds: number): number {
  if (!field.onlyMonotonic) return nextUnitStart;
  const delta = nextTermDelta(field.terms, Math.ceil(nextUnitStart / unitSeconds));
  return Math.max(nextUnitStart, delta * unitSeconds);
}

/** Smallest civil second ≥ start (and < end) that matches the expression. */
export function nextCivilMatch(cx: CompiledExpression, start: number, end = CIVIL_SEARCH_END): CivilSearch {
  let c = start;
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    if (c >= end) return { found: null, reason: 'horizon' };
    const t = splitCivilSeconds(c);
    const year = nextFieldValue(cx.year, t.year, 9999, -1970);
    if (year === -1) return { found: null, reason: 'horizon' };
    if (year !== t.year) { c = startOfYear(year); continue; }

    const monthBase = (t.year - 1970) * 12 - 1;
    const month = nextFieldValue(cx.month, t.month, 12, monthBase);
    if (month === -1) { c = startOfYear(t.year + 1); continue; }
    if (month !== t.month) { c = daysFromCivil(t.year, month, 1) * SECONDS_PER_DAY; continue; }

    const day = nextDay(cx, t.year, t.month, t.day, t.days);
    if (day === -1) {
      const nextMonth = t.month === 12 ? startOfYear(t.year + 1) : daysFromCivil(t.year, t.month + 1, 1) * SECONDS_PER_DAY;
      c = cx.days.daysOnlyMonotonic
        ? Math.max(nextMonth, nextTermDelta(cx.days.domTerms, t.days + 1) * SECONDS_PER_DAY)
        : nextMonth;
      continue;
    }
    if (day !== t.day) { c = (t.days + day - t.day) * SECONDS_PER_DAY; continue; }

    const dayStart = t.days * SECONDS_PER_DAY;
    const hour = nextFieldValue(cx.hour, t.hour, 23, t.days * 24);
    if (hour === -1) { c = carry(cx.hour, dayStart + SECONDS_PER_DAY, 3600); continue; }
    if (hour !== t.hour) { c = dayStart + hour * 3600; continue; }

    const hourStart = dayStart + hour * 3600;
    const minute = nextFieldValue(cx.minute, t.minute, 59, (t.days * 24 + hour) * 60);
    if (minute === -1) { c = carry(cx.minute, hourStart + 3600, 60); continue; }
    if (minute !== t.minute) { c = hourStart + minute * 60; continue; }

    const minuteStart = hourStart + minute * 60;
    const second = nextFieldValue(cx.second, t.second, 59, minuteStart);
    if (second === -1) { c = carry(cx.second, minuteStart + 60, 1); continue; }
    return { found: minuteStart + second };
  }
  return { found: null, reason: 'step-limit' };
}

function nextDay(cx: CompiledExpression, year: number, month: number, fromDay: number, fromDays: number): number {
  if (fromDay > daysInMonth(year, month)) return -1;
  return firstDayInMask(monthDayMask(cx.days, year, month, fromDays - fromDay + 1), fromDay);
}
