import { fail, ok } from '../../contract/errors';
import { cronSecondsAfter, describe, formatInZone, isValidTimeZone, next, parse, relativeOffsets } from './';
import type { Handlers } from '../dispatch';

export function cronHandlers(): Pick<Handlers, 'cron.explain' | 'cron.oneShot'> {
  return {
    'cron.explain': async ({ expression, cameraRelative, timeZone, from, count }) => {
      if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
        return fail('invalid-args', `"${timeZone}" is not a time zone name (try e.g. Europe/Vienna).`);
      }
      const parsed = parse(expression);
      if (!parsed.ok) {
        const { field, text, message } = parsed.error;
        return ok({ valid: false as const, field, text, message });
      }
      const description = describe(parsed.value, { cameraRelative: cameraRelative ?? false });
      if (cameraRelative) {
        const found = relativeOffsets(parsed.value, count);
        return ok({
          valid: true as const,
          description,
          next: found.offsets.map((s) => `+${formatOffset(s)}`),
          ...(found.exhausted && found.reason ? { exhaustedReason: found.reason } : {}),
        });
      }
      const start = from ? new Date(from) : new Date();
      const found = next(parsed.value, start, count, timeZone ? { timeZone } : {});
      return ok({
        valid: true as const,
        description,
        next: found.times.map((t) => formatInZone(t, timeZone)),
        ...(found.exhausted && found.reason ? { exhaustedReason: found.reason } : {}),
      });
    },
    'cron.oneShot': async ({ rigNowUnixSeconds, secondsFromNow, timeZone }) => {
      if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
        return fail('invalid-args', `"${timeZone}" is not a time zone name (try e.g. Europe/Vienna).`);
      }
      return ok({ expression: cronSecondsAfter(rigNowUnixSeconds, secondsFromNow, timeZone) });
    },
  };
}

/** 3725 -> "1h 02m 05s after the start". */
function formatOffset(totalSeconds: number): string {
  const d = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = Math.round(totalSeconds % 60);
  const hms = `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
  return `${d > 0 ? `${d}d ` : ''}${hms} after the start`;
}
