/**
 * Plain-English meaning of an expression, built from the values it really selects (not
 * from how it is written), so a user sees that `0 6-16 * * * *` means minutes 6 to 16.
 */
import { FIELD_SPECS, type CronAtom, type CronExpression, type CronField, type CronFieldValue } from './fields';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CYCLIC: ReadonlySet<CronField> = new Set(['second', 'minute', 'hour', 'month', 'dayOfWeek']);
const LIST_LIMIT = 6;

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

function joinWith(items: string[], word: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function valueName(field: CronField, v: number): string {
  if (field === 'month') return MONTHS[v - 1] ?? String(v);
  if (field === 'dayOfWeek') return WEEKDAYS[v] ?? String(v);
  return String(v);
}

/** Consecutive runs of the sorted values; on cyclic fields a run may wrap (22 through 2). */
function runsOf(field: CronField, values: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && v === last[1] + 1) last[1] = v; else runs.push([v, v]);
  }
  const spec = FIELD_SPECS[field];
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (CYCLIC.has(field) && runs.length > 1 && first && last && first[0] === spec.min && last[1] === spec.max) {
    runs.pop();
    first[0] = last[0];
    runs.push(runs.shift() ?? first);
  }
  return runs;
}

/** "minutes 15 and 45", "hour 9", "every 5th second from 0 through 55", "Monday through Friday". */
function staticPhrase(field: CronField, values: number[]): string {
  const spec = FIELD_SPECS[field];
  const named = field === 'month' || field === 'dayOfWeek';
  const step = (values[1] ?? 0) - (values[0] ?? 0);
  const isProgression = values.length > LIST_LIMIT && step > 1 && values.every((v, i) => v === (values[0] ?? 0) + i * step);
  if (isProgression) {
    return `every ${ordinal(step)} ${spec.unit} from ${valueName(field, values[0] ?? 0)} through ${valueName(field, values[values.length - 1] ?? 0)}`;
  }
  const items = runsOf(field, values).flatMap(([a, b]) => {
    if (a === b) return [valueName(field, a)];
    const length = b >= a ? b - a + 1 : spec.max - a + 1 + b - spec.min + 1;
    if (length <= 2) return [valueName(field, a), valueName(field, b)];
    return [`${valueName(field, a)} through ${valueName(field, b)}`];
  });
  if (named) return joinWith(items, 'and');
  const plural = values.length > 1;
  return `${plural ? spec.units : spec.unit} ${joinWith(items, 'and')}`;
}

function monotonicPhrase(field: CronField, atom: Extract<CronAtom, { kind: 'monotonic' }>, epoch: string): string {
  const unit = FIELD_SPECS[field].unit;
  const every = `every ${ordinal(atom.period)} ${unit}`;
  if (atom.offset === null) return `${every} counted from ${epoch}`;
  return `${every} from ${unit} ${atom.offset} on, counted from ${epoch}`;
}

function dayTermPhrase(atom: CronAtom): string | null {
  switch (atom.kind) {
    case 'lastDayOfMonth': return 'the last day of the month';
    case 'nearestWeekday': return `the weekday nearest day ${atom.day} of the month`;
    case 'lastWeekdayOfMonth': return `the last ${WEEKDAYS[atom.weekday]} of the month`;
    case 'nthWeekdayOfMonth': return `the ${ordinal(atom.nth)} ${WEEKDAYS[atom.weekday]} of the month`;
    default: return null;
  }
}

/** Everything a restricted field selects, joined with "or". */
function fieldPhrase(field: CronField, value: CronFieldValue, epoch: string): string {
  const parts: string[] = [];
  if (value.values.length > 0) {
    const phrase = staticPhrase(field, value.values);
    parts.push(field === 'dayOfMonth' ? `${phrase} of the month` : phrase);
  }
  for (const atom of value.atoms) {
    if (atom.kind === 'monotonic') parts.push(monotonicPhrase(field, atom, epoch));
    else {
      const phrase = dayTermPhrase(atom);
      if (phrase !== null) parts.push(phrase);
    }
  }
  return joinWith(parts, 'or');
}

function pad2(n: number): string { return String(n).padStart(2, '0'); }

function singleStatic(value: CronFieldValue): number | null {
  return !value.wildcard && value.values.length === 1 && value.atoms.every((a) => a.kind !== 'monotonic')
    ? (value.values[0] ?? null) : null;
}

function onlyMonotonic(value: CronFieldValue): boolean {
  return !value.wildcard && value.atoms.every((a) => a.kind === 'monotonic');
}

function timePhrase(expr: CronExpression, epoch: string): string {
  const { second, minute, hour } = expr.fields;
  const [s, m, h] = [singleStatic(second), singleStatic(minute), singleStatic(hour)];
  if (s !== null && m !== null && h !== null) return `at ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  if (second.wildcard && minute.wildcard && hour.wildcard) return 'every second';
  const units: [CronField, CronFieldValue][] = [['second', second], ['minute', minute], ['hour', hour]];
  const highest = units.reduce((top, [, value], i) => (value.wildcard ? top : i), 0);
  const words: string[] = [];
  for (const [i, [field, value]] of units.entries()) {
    if (i > highest) {
      // One "of every <unit>" gives the frame; a monotonic term needs none, it counts on its own.
      const frame = units[highest]?.[1];
      if (i === highest + 1 && frame && !onlyMonotonic(frame)) words.push(`of every ${FIELD_SPECS[field].unit}`);
      continue;
    }
    const lead = i === 0 ? 'at' : 'of';
    if (value.wildcard) words.push(i === 0 ? 'every second' : `of every ${FIELD_SPECS[field].unit}`);
    else words.push(i === highest && onlyMonotonic(value) && i === 0 ? fieldPhrase(field, value, epoch) : `${lead} ${fieldPhrase(field, value, epoch)}`);
  }
  return words.join(' ');
}

export function describe(expr: CronExpression, opts: { cameraRelative?: boolean } = {}): string {
  const epoch = opts.cameraRelative ? 'the recording start' : '1970-01-01 00:00:00';
  const { dayOfMonth, dayOfWeek, month, year } = expr.fields;
  const parts = [timePhrase(expr, epoch)];
  const dom = dayOfMonth.wildcard ? null : fieldPhrase('dayOfMonth', dayOfMonth, epoch);
  const dow = dayOfWeek.wildcard ? null : fieldPhrase('dayOfWeek', dayOfWeek, epoch);
  if (dom !== null && dow !== null) parts.push(`, on ${dom} or on ${dow}`);
  else if (dom !== null) parts.push(`, on ${dom}`);
  else if (dow !== null) parts.push(`, on ${dow}`);
  if (!month.wildcard) parts.push(`, in ${fieldPhrase('month', month, epoch)}`);
  if (!year.wildcard) parts.push(`, in ${fieldPhrase('year', year, epoch)}`);
  if (opts.cameraRelative) parts.push(', relative to the recording start');
  return parts.join('');
}
