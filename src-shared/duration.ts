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

const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600 };

/**
 * A length of time as people write it: "30 min", "1h30m", "1 h 30 min", "90 s", "1.5 h", or
 * as a clock ("1:30:00", "1:05" = 1 min 5 s, as formatDurationSeconds writes it). A bare
 * number is refused: it is not clear whether it means seconds or minutes.
 */
export function parseDurationText(text: string): { ok: true; seconds: number } | { ok: false; problem: string } {
  const t = text.trim().toLowerCase();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (clock) {
    const [, h, m, s] = clock;
    const seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
    return seconds > 0 ? { ok: true, seconds } : { ok: false, problem: 'A duration must be longer than zero.' };
  }
  if (/^\d+(?:\.\d+)?$/.test(t)) return { ok: false, problem: `"${text.trim()}" has no unit: write ${t} s, ${t} min or ${t} h.` };
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)];
  const unknown = parts.find((p) => UNIT_SECONDS[p[2]!] === undefined);
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t || unknown) {
    return { ok: false, problem: `"${text.trim()}" is not a duration; write it like 90 s, 30 min, 1h30m or 1:30:00.` };
  }
  const seconds = Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_SECONDS[p[2]!]!, 0));
  return seconds > 0 ? { ok: true, seconds } : { ok: false, problem: 'A duration must be longer than zero.' };
}

/** Seconds as people say them, and as parseDurationText reads them back: 1800 -> "30 min", 5400 -> "1 h 30 min", 45 -> "45 s". */
export function formatDurationWords(totalSeconds: number): string {
  const v = Math.max(0, totalSeconds);
  const h = Math.floor(v / 3600);
  const m = Math.floor((v % 3600) / 60);
  const s = Math.round((v % 60) * 1000) / 1000;
  const parts = [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', s > 0 ? `${s} s` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 s';
}
