/**
 * Which wall clock the fields are read on.
 *
 * Camera-relative (an `epoch`, the recording start): a virtual clock that reads
 * 1970-01-01T00:00:00 UTC at the epoch and runs with real time, so virtual time =
 * 1970-01-01 + (t − epoch). Minute `5` fires 5 minutes after the start and every hour
 * after; monotonic terms count from the epoch, because cronex counts them from
 * 1970-01-01 00:00:00 of the clock it is given. This reproduces the vendor's example:
 * `0 5 * ? * * *` on a recording started at 13:14:00 fires at 13:19:00, 14:19:00, ...
 *
 * Absolute (no epoch): the fields are read on the wall clock of `timeZone` (default: the
 * process's zone) and monotonic terms count from local 1970-01-01 00:00:00. The rig reads
 * its local clock every second, so a wall-clock time skipped by a DST change never fires
 * and a wall-clock time repeated by one fires on both occurrences: an expression fires
 * at exactly the real seconds whose local time matches it, which is what `matches` checks.
 */
import { zoneOffsets, type ZoneOffsets } from '../../../src-shared/zoned-time';

export interface NextOptions {
  /** IANA zone the fields are read in; default: the process's zone. Ignored with `epoch`. */
  timeZone?: string;
  /** Recording start, for camera-relative tasks. */
  epoch?: Date;
}

export interface CronClock {
  /** Real time (ms) of clock second 0. */
  originMs: number;
  /** null: a fixed offset of 0 (virtual clock or UTC). */
  zone: ZoneOffsets | null;
}

/** Throws RangeError for an unknown time zone. */
export function clockFor(opts: NextOptions = {}): CronClock {
  if (opts.epoch !== undefined) return { originMs: opts.epoch.getTime(), zone: null };
  const zone = zoneOffsets(opts.timeZone);
  return { originMs: 0, zone: zone.fixedOffset === 0 ? null : zone };
}

export function clockSecondOf(clock: CronClock, at: Date): number {
  return Math.floor((at.getTime() - clock.originMs) / 1000);
}

export function civilSecondOf(clock: CronClock, clockSecond: number): number {
  return clock.zone === null ? clockSecond : clockSecond + clock.zone.offset(clockSecond);
}
