/**
 * A number of seconds as a clock reads it: 3725 -> "1:02:05", 65 -> "1:05" (or "0:01:05"
 * with `alwaysHours`, as the tray writes a recording's elapsed time). Fractions are dropped,
 * negative numbers read as 0.
 */
export function formatDurationSeconds(totalSeconds: number, { alwaysHours = false }: { alwaysHours?: boolean } = {}): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 || alwaysHours ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
