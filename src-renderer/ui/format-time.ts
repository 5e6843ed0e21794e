import { DateTime } from 'luxon';
import { formatDurationSeconds } from '../../src-shared/duration';

/** Rig clock minus this PC's: "+0.4 s ahead", "3.1 s behind", "in sync" under 50 ms. */
export function formatClockOffset(offsetMs: number): string {
  if (Math.abs(offsetMs) < 50) return 'in sync';
  const seconds = Math.abs(offsetMs) / 1000;
  const text = seconds < 60 ? `${seconds.toFixed(1)} s` : formatDurationSeconds(seconds);
  return `${text} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
}

/**
 * An age in words: "just now", "12 s ago", "3 min ago", "2 h ago". A time ahead of `nowMs`
 * (the core's clock a little ahead of the page's, or a clock not yet re-read) is "just now":
 * what was seen is never "in 46 seconds".
 */
export function ageWords(atMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - atMs) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}

/** "14:03:07 (2 min ago)", or the date too when not today. */
export function formatLastSeen(atMs: number, nowMs: number): string {
  const at = DateTime.fromMillis(atMs);
  const clock = at.hasSame(DateTime.fromMillis(Math.max(atMs, nowMs)), 'day') ? at.toFormat('HH:mm:ss') : at.toFormat('yyyy-LL-dd HH:mm');
  return `${clock} (${ageWords(atMs, nowMs)})`;
}
