/**
 * Per-field lookup tables derived once from a parsed expression (cached per object), and
 * the cronex matching rules on civil (wall-clock) time. Monotonic deltas count units from
 * civil 1970-01-01 00:00:00: seconds, minutes, hours and days as elapsed units, months and
 * years as calendar months and years, exactly as cronex's check_trigger computes them.
 */
import { daysInMonth, mod, weekdayOfDays } from '../../../src-shared/calendar';
import { FIELD_SPECS, type CronExpression, type CronField, type CronFieldValue } from './fields';

export interface MonotonicTerm {
  /** Matches when delta ≡ residue (mod period) and delta ≥ lowerBound. */
  residue: number;
  period: number;
  lowerBound: number;
}

export interface CompiledNumericField {
  wildcard: boolean;
  /** nextStatic[v - min] = smallest static value ≥ v, or -1. Empty when there are no static values. */
  nextStatic: Int32Array;
  min: number;
  max: number;
  terms: MonotonicTerm[];
  /** No static values and not a wildcard: every match comes from monotonic terms. */
  onlyMonotonic: boolean;
}

export interface CompiledDayRules {
  domRestricted: boolean;
  dowRestricted: boolean;
  domStatic: Uint8Array; // index 1..31
  domLast: boolean;
  domNearestWeekdays: number[];
  domTerms: MonotonicTerm[];
  dowStatic: Uint8Array; // index 0..6
  dowLast: number[]; // weekdays
  dowNth: { weekday: number; nth: number }[];
  /** Day-of-month has only monotonic terms and decides alone: days can be jumped to arithmetically. */
  daysOnlyMonotonic: boolean;
  /** Lazily filled day masks without monotonic terms, by month length and weekday of the 1st; -1 = not yet. */
  maskTable: Int32Array;
}

export interface CompiledExpression {
  second: CompiledNumericField;
  minute: CompiledNumericField;
  hour: CompiledNumericField;
  month: CompiledNumericField;
  year: CompiledNumericField;
  days: CompiledDayRules;
}

const cache = new WeakMap<CronExpression, CompiledExpression>();

export function compile(expr: CronExpression): CompiledExpression {
  let compiled = cache.get(expr);
  if (!compiled) {
    const f = expr.fields;
    compiled = {
      second: compileNumeric('second', f.second),
      minute: compileNumeric('minute', f.minute),
      hour: compileNumeric('hour', f.hour),
      month: compileNumeric('month', f.month),
      year: compileNumeric('year', f.year),
      days: compileDays(f.dayOfMonth, f.dayOfWeek),
    };
    cache.set(expr, compiled);
  }
  return compiled;
}

function termsOf(field: CronFieldValue): MonotonicTerm[] {
  const terms: MonotonicTerm[] = [];
  for (const atom of field.atoms) {
    if (atom.kind !== 'monotonic') continue;
    // `%n` matches every multiple of n, before the epoch too (Python's floor modulo);
    // `k%n` starts at k: 7%7 fires at 7, 14, 21 but not at 0.
    terms.push(atom.offset === null
      ? { residue: 0, period: atom.period, lowerBound: -Infinity }
      : { residue: mod(atom.offset, atom.period), period: atom.period, lowerBound: atom.offset });
  }
  return terms;
}

function compileNumeric(name: CronField, field: CronFieldValue): CompiledNumericField {
  const { min, max } = FIELD_SPECS[name];
  const terms = termsOf(field);
  const nextStatic = new Int32Array(field.values.length > 0 ? max - min + 2 : 0);
  if (field.values.length > 0) {
    let following = -1;
    const present = new Set(field.values);
    for (let v = max + 1; v >= min; v--) {
      if (present.has(v)) following = v;
      nextStatic[v - min] = following;
    }
  }
  return {
    wildcard: field.wildcard, nextStatic, min, max, terms,
    onlyMonotonic: !field.wildcard && field.values.length === 0,
  };
}

function compileDays(dom: CronFieldValue, dow: CronFieldValue): CompiledDayRules {
  const domStatic = new Uint8Array(33);
  for (const v of dom.values) domStatic[v] = 1;
  const dowStatic = new Uint8Array(7);
  for (const v of dow.values) dowStatic[v] = 1;
  const domTerms = termsOf(dom);
  const rules: CompiledDayRules = {
    domRestricted: !dom.wildcard,
    dowRestricted: !dow.wildcard,
    domStatic,
    domLast: dom.atoms.some((a) => a.kind === 'lastDayOfMonth'),
    domNearestWeekdays: dom.atoms.flatMap((a) => (a.kind === 'nearestWeekday' ? [a.day] : [])),
    domTerms,
    dowStatic,
    dowLast: dow.atoms.flatMap((a) => (a.kind === 'lastWeekdayOfMonth' ? [a.weekday] : [])),
    dowNth: dow.atoms.flatMap((a) => (a.kind === 'nthWeekdayOfMonth' ? [{ weekday: a.weekday, nth: a.nth }] : [])),
    daysOnlyMonotonic: false,
    maskTable: new Int32Array(4 * 7).fill(-1),
  };
  rules.daysOnlyMonotonic = dow.wildcard && !dom.wildcard && domTerms.length === dom.atoms.length;
  return rules;
}

/** Smallest value in [from, to] whose delta (base + value) satisfies the term, or -1. */
export function nextTermValue(term: MonotonicTerm, from: number, to: number, base: number): number {
  const start = Math.max(from, term.lowerBound - base);
  const value = start + mod(term.residue - (base + start), term.period);
  return value <= to ? value : -1;
}

/** Smallest value in [from, to] the field allows, or -1. `base` + value = units since the epoch. */
export function nextFieldValue(field: CompiledNumericField, from: number, to: number, base: number): number {
  if (from > to) return -1;
  if (field.wildcard) return from;
  let best = -1;
  if (field.nextStatic.length > 0 && from <= field.max) {
    const candidate = field.nextStatic[Math.max(from, field.min) - field.min] ?? -1;
    if (candidate !== -1 && candidate <= to) best = candidate;
  }
  for (const term of field.terms) {
    const candidate = nextTermValue(term, from, best === -1 ? to : best - 1, base);
    if (candidate !== -1) best = candidate;
  }
  return best;
}

export function fieldMatches(field: CompiledNumericField, value: number, base: number): boolean {
  return nextFieldValue(field, value, value, base) === value;
}

function termsMatch(terms: MonotonicTerm[], delta: number): boolean {
  for (const t of terms) if (delta >= t.lowerBound && mod(delta - t.residue, t.period) === 0) return true;
  return false;
}

/** cronex's nW: the weekday nearest day n, never leaving the month. */
export function nearestWeekday(day: number, monthLength: number, firstWeekday: number): number {
  let target = Math.min(day, monthLength);
  const weekday = (firstWeekday + target - 1) % 7;
  if (weekday === 0) target = target < monthLength ? target + 1 : target - 2;
  else if (weekday === 6) target = target > 1 ? target - 1 : target + 2;
  return target;
}

/**
 * Whether day `day` of (year, month) passes the day fields. cronex's rule: when both
 * day-of-month and day-of-week are restricted a day matches if either does; a `*`/`?`
 * field leaves the decision to the other.
 */
export function dayMatches(rules: CompiledDayRules, year: number, month: number, day: number, daysSinceEpoch: number): boolean {
  if (!rules.domRestricted && !rules.dowRestricted) return true;
  const monthLength = daysInMonth(year, month);
  if (day > monthLength) return false;
  const firstWeekday = weekdayOfDays(daysSinceEpoch - day + 1);
  if (rules.domRestricted && domMatches(rules, day, monthLength, firstWeekday, daysSinceEpoch)) return true;
  if (rules.dowRestricted && dowMatches(rules, day, monthLength, firstWeekday)) return true;
  return false;
}

function domMatches(rules: CompiledDayRules, day: number, monthLength: number, firstWeekday: number, daysSinceEpoch: number): boolean {
  if (rules.domStatic[day] === 1) return true;
  if (rules.domLast && day === monthLength) return true;
  for (const n of rules.domNearestWeekdays) if (nearestWeekday(n, monthLength, firstWeekday) === day) return true;
  return termsMatch(rules.domTerms, daysSinceEpoch);
}

function dowMatches(rules: CompiledDayRules, day: number, monthLength: number, firstWeekday: number): boolean {
  const weekday = (firstWeekday + day - 1) % 7;
  if (rules.dowStatic[weekday] === 1) return true;
  for (const w of rules.dowLast) if (w === weekday && day + 7 > monthLength) return true;
  for (const { weekday: w, nth } of rules.dowNth) if (w === weekday && Math.ceil(day / 7) === nth) return true;
  return false;
}

/**
 * Days of a month that pass the day fields as a bit set (bit d-1 for day d). Everything
 * but monotonic terms depends only on the month's length and the weekday of its 1st, so
 * that part is computed once per shape; the terms are added arithmetically.
 */
export function monthDayMask(rules: CompiledDayRules, year: number, month: number, firstDays: number): number {
  const length = daysInMonth(year, month);
  const firstWeekday = weekdayOfDays(firstDays);
  const slot = (length - 28) * 7 + firstWeekday;
  let mask = rules.maskTable[slot] ?? -1;
  if (mask === -1) {
    mask = 0;
    for (let day = 1; day <= length; day++) {
      if (staticDayMatches(rules, day, length, firstWeekday)) mask |= 1 << (day - 1);
    }
    rules.maskTable[slot] = mask;
  }
  for (const term of rules.domTerms) {
    for (let v = nextTermValue(term, 0, length - 1, firstDays); v !== -1 && v < length; v += term.period) mask |= 1 << v;
  }
  return mask;
}

function staticDayMatches(rules: CompiledDayRules, day: number, monthLength: number, firstWeekday: number): boolean {
  if (!rules.domRestricted && !rules.dowRestricted) return true;
  const noTerms = { ...rules, domTerms: [] };
  if (rules.domRestricted && domMatches(noTerms, day, monthLength, firstWeekday, 0)) return true;
  return rules.dowRestricted && dowMatches(rules, day, monthLength, firstWeekday);
}

/** First day ≥ fromDay in the mask, or -1. */
export function firstDayInMask(mask: number, fromDay: number): number {
  const rest = mask & (~0 << (fromDay - 1));
  return rest === 0 ? -1 : 32 - Math.clz32(rest & -rest);
}
