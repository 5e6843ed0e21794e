/**
 * Proleptic Gregorian calendar arithmetic on "civil seconds": seconds since
 * 1970-01-01 00:00:00 of a wall clock, counted as if every day had 86 400 seconds.
 * Plain integer maths, no Date, so it is fast and free of time-zone surprises.
 */

export const SECONDS_PER_DAY = 86_400;

/** Days from 1970-01-01 to the given date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate { year: number; month: number; day: number }

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524)
    - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 31);
}

/** 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Floor modulo: the result has the sign of the divisor, as in Python. */
export function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

export interface CivilDateTime extends CivilDate {
  hour: number; minute: number; second: number;
  /** Days since 1970-01-01 of the date part. */
  days: number;
}

export function splitCivilSeconds(civilSeconds: number): CivilDateTime {
  const days = Math.floor(civilSeconds / SECONDS_PER_DAY);
  const secondOfDay = civilSeconds - days * SECONDS_PER_DAY;
  const date = civilFromDays(days);
  // Fields listed one by one: an object spread here costs microseconds per call in V8.
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    days,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
  };
}
