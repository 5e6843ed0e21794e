import { DateTime } from 'luxon';

/** The rig's clock now, extrapolated from its last reading with this PC's elapsed time. */
export const rigNowSeconds = (rigNowUnixSeconds: number, listedAtMs: number, pcNowMs = Date.now()) =>
  rigNowUnixSeconds + (pcNowMs - listedAtMs) / 1000;

/**
 * A wall-clock date-time typed for the rig (`2025-03-01T14:30` or with seconds) as the
 * vendor's one-shot form "S M H D MON ?", read in the rig's zone. Null when not a date-time.
 */
export function cronAtLocalDateTime(localDateTime: string, timeZone: string): string | null {
  const at = DateTime.fromISO(localDateTime, { zone: timeZone });
  if (!at.isValid) return null;
  return `${at.second} ${at.minute} ${at.hour} ${at.day} ${at.month} ?`;
}

/** An offset after the recording start as a camera-relative one-shot (the vendor's `datetime_to_cron(epoch + offset)`). */
export function cronAtOffset(offsetSeconds: number): string {
  const at = DateTime.fromSeconds(Math.round(offsetSeconds), { zone: 'UTC' });
  return `${at.second} ${at.minute} ${at.hour} ${at.day} ${at.month} ?`;
}

/** "2025-03-01 14:30:05" in the zone, for the rig's clock and fire times. */
export const formatRigTime = (unixSeconds: number, timeZone: string) =>
  DateTime.fromSeconds(Math.floor(unixSeconds), { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm:ss');

/** Fire times come as ISO strings with the zone's offset; show them on the rig's wall clock. */
export const formatFireTime = (iso: string, timeZone: string) => {
  const t = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  return t.isValid ? t.toFormat('ccc yyyy-LL-dd HH:mm:ss') : iso;
};
