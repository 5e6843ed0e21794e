import { DateTime } from 'luxon';
import { formatDurationSeconds } from '../../src-shared/duration';

/** Rig clock minus this PC's: "+0.4 s ahead", "3.1 s behind", "in sync" under 50 ms. */
export function formatClockOffset(offsetMs: number): string {
  if (Math.abs(offsetMs) < 50) return 'in sync';
  const seconds = Math.abs(offsetMs) / 1000;
  const text = seconds < 60 ? `${seconds.toFixed(1)} s` : formatDurationSeconds(seconds);
  return `${text} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
}

/** "14:03:07 (2 min ago)", or the date too when not today. */
export function formatLastSeen(atMs: number, nowMs: number): string {
  const at = DateTime.fromMillis(atMs);
  const clock = at.hasSame(DateTime.fromMillis(nowMs), 'day') ? at.toFormat('HH:mm:ss') : at.toFormat('yyyy-LL-dd HH:mm');
  const ago = at.toRelative({ base: DateTime.fromMillis(nowMs) }) ?? '';
  return `${clock} (${ago})`;
}
