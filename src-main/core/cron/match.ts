/**
 * Whether an expression fires in the second that contains `at`. Each field is checked
 * directly against its parsed terms on the clock's wall time, independently of the jump
 * search in next.ts, so each can be tested against the other.
 */
import { mod, splitCivilSeconds } from '../../../src-shared/calendar';
import { civilSecondOf, clockFor, clockSecondOf, type NextOptions } from './clock';
import { compile, dayMatches } from './compile';
import type { CronExpression, CronFieldValue } from './fields';

/** Throws RangeError for an unknown time zone. */
export function matches(expr: CronExpression, at: Date, opts: NextOptions = {}): boolean {
  if (Number.isNaN(at.getTime())) return false;
  const clock = clockFor(opts);
  return civilSecondMatches(expr, civilSecondOf(clock, clockSecondOf(clock, at)));
}

/** Whether a wall-clock second (seconds since local 1970-01-01 00:00:00) matches. */
export function civilSecondMatches(expr: CronExpression, civilSeconds: number): boolean {
  const t = splitCivilSeconds(civilSeconds);
  const f = expr.fields;
  const hours = t.days * 24 + t.hour;
  const minutes = hours * 60 + t.minute;
  return fieldHolds(f.year, t.year, t.year - 1970)
    && fieldHolds(f.month, t.month, (t.year - 1970) * 12 + t.month - 1)
    && dayMatches(compile(expr).days, t.year, t.month, t.day, t.days)
    && fieldHolds(f.hour, t.hour, hours)
    && fieldHolds(f.minute, t.minute, minutes)
    && fieldHolds(f.second, t.second, minutes * 60 + t.second);
}

/** `delta`: units elapsed since the epoch, for monotonic terms. */
function fieldHolds(field: CronFieldValue, value: number, delta: number): boolean {
  if (field.wildcard || field.values.includes(value)) return true;
  return field.atoms.some((atom) => atom.kind === 'monotonic' && (atom.offset === null
    ? mod(delta, atom.period) === 0
    : delta >= atom.offset && mod(delta - atom.offset, atom.period) === 0));
}
