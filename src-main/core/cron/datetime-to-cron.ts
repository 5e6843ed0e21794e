/**
 * One-shot expressions from a date-time, as the vendor client's `datetime_to_cron` writes
 * them, and "N seconds after the rig's clock" for schedules that must start soon.
 */
import { FIELD_SPECS } from './fields';
import { civilFieldsInZone } from '../../../src-shared/zoned-time';

/**
 * `"S M H D MON ?"` of `at` on the wall clock of `timeZone` (default: the process's zone),
 * exactly as motifapi's datetime_to_cron. It has no year field, so it fires again on the
 * same date every year. For a camera-relative offset pass `new Date(offsetMs)` and 'UTC'.
 */
export function datetimeToCron(at: Date, timeZone?: string): string {
  const t = civilFieldsInZone(at, timeZone);
  return `${t.second} ${t.minute} ${t.hour} ${t.day} ${t.month} ?`;
}

/**
 * A truly one-shot expression (7 fields, year included) for the first whole second at
 * least `seconds` after `rigNowUnixSeconds` (the rig's `schedule.now`), on the rig's wall
 * clock in `timeZone`. A time inside a repeated DST hour would also match its first pass.
 * Throws RangeError when the target is not representable (negative delay, past year 2099).
 */
export function cronSecondsAfter(rigNowUnixSeconds: number, seconds: number, timeZone?: string): string {
  if (!Number.isFinite(rigNowUnixSeconds) || !Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError('The rig time and the delay must be finite numbers, the delay not negative.');
  }
  const target = new Date(Math.ceil(rigNowUnixSeconds + seconds) * 1000);
  const t = civilFieldsInZone(target, timeZone);
  if (t.year > FIELD_SPECS.year.max || t.year < FIELD_SPECS.year.min) {
    throw new RangeError(`The target year ${t.year} is outside the year field's range ${FIELD_SPECS.year.min}-${FIELD_SPECS.year.max}.`);
  }
  return `${t.second} ${t.minute} ${t.hour} ${t.day} ${t.month} ? ${t.year}`;
}
