/**
 * The typed shape of a Motif cron expression and the facts about each field.
 * Motif's dialect is the `cronex` Python library plus a leading seconds field and an
 * optional trailing year field (see docs/wire.md, "Cron dialect").
 */

export type CronField = 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek' | 'year';

export const FIELD_ORDER: readonly CronField[] = [
  'second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek', 'year',
];

/** One comma-separated term of a field. Values are already numbers (names resolved, 7 = Sunday = 0). */
export type CronAtom =
  | { kind: 'value'; value: number }
  /** `a-b` or `a-b/n`; wraps around the field when start > end (`22-2` = 22,23,0,1,2). */
  | { kind: 'range'; start: number; end: number; step: number }
  /** `*\/n` (start = field minimum) or `a/n`: from start to the field maximum, every n. */
  | { kind: 'stepFrom'; start: number; step: number; fromWildcard: boolean }
  /** `%n` (offset null) or `k%n`: every n units counted from the epoch; `k%n` starts at k. */
  | { kind: 'monotonic'; offset: number | null; period: number }
  /** `L` in day-of-month. */
  | { kind: 'lastDayOfMonth' }
  /** `nW` in day-of-month: the weekday nearest day n, inside the month. */
  | { kind: 'nearestWeekday'; day: number }
  /** `dL` in day-of-week: the last weekday d of the month. */
  | { kind: 'lastWeekdayOfMonth'; weekday: number }
  /** `d#n` in day-of-week: the n-th weekday d of the month. */
  | { kind: 'nthWeekdayOfMonth'; weekday: number; nth: number };

export interface CronFieldValue {
  /** The field as written (after a shortcut such as `@daily` was expanded). */
  text: string;
  /** `*` alone, or `?` alone in a day field: every value, and "unrestricted" for the day rule. */
  wildcard: boolean;
  atoms: CronAtom[];
  /** Sorted distinct values of the static atoms (value, range, stepFrom); empty for a wildcard. */
  values: number[];
}

export interface CronExpression {
  /** The text that was parsed, trimmed. */
  source: string;
  /** `@hourly` and the like when the text was a shortcut. */
  shortcut: string | null;
  /** True when the text had the optional 7th (year) field. */
  hasYearField: boolean;
  fields: Record<CronField, CronFieldValue>;
}

export interface FieldSpec {
  min: number;
  max: number;
  /** Singular and plural unit, for errors and descriptions. */
  unit: string;
  units: string;
  label: string;
  names?: readonly string[];
}

export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

// Year bounds follow Quartz, whose 7-field layout the dialect borrows; `*` still means every year.
export const FIELD_SPECS: Record<CronField, FieldSpec> = {
  second: { min: 0, max: 59, unit: 'second', units: 'seconds', label: 'second' },
  minute: { min: 0, max: 59, unit: 'minute', units: 'minutes', label: 'minute' },
  hour: { min: 0, max: 23, unit: 'hour', units: 'hours', label: 'hour' },
  dayOfMonth: { min: 1, max: 31, unit: 'day', units: 'days', label: 'day-of-month' },
  month: { min: 1, max: 12, unit: 'month', units: 'months', label: 'month', names: MONTH_NAMES },
  dayOfWeek: { min: 0, max: 6, unit: 'day', units: 'days', label: 'day-of-week', names: DAY_NAMES },
  year: { min: 1970, max: 2099, unit: 'year', units: 'years', label: 'year' },
};

/** Largest period or offset accepted in a monotonic term (about 31 years of seconds). */
export const MAX_MONOTONIC = 1_000_000_000;

/** cronex's shortcuts, widened with the seconds field Motif adds in front. */
export const SHORTCUTS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
