import { FIELD_SPECS } from '../cron/fields';
import { WEEKDAYS, type When } from './model';

/**
 * Wall-clock schedules as expressions of Motif's dialect: times of day grouped so each
 * expression fires at exactly the times asked for (a minute list and an hour list together
 * mean every pair of them, so only times sharing their minutes share an expression).
 */

const SECONDS_PER_DAY = 86_400;

export function secondsOfDay(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

/** The times of day a `when` names, in seconds after midnight, sorted and unique. */
export function timesOfDay(when: When): number[] {
  if (when.times) return [...new Set(when.times.map(secondsOfDay))].sort((a, b) => a - b);
  const step = (when.every?.minutes ?? 1) * 60;
  const first = when.between ? secondsOfDay(when.between.from) : 0;
  const last = when.between ? secondsOfDay(when.between.until) : SECONDS_PER_DAY - 1;
  const out: number[] = [];
  for (let t = first; t <= last; t += step) out.push(t);
  return out;
}

/** "*", "a/k", "a-b" or a list: the shortest faithful text for a set of field values. */
export function fieldText(values: readonly number[], min: number, max: number): string {
  const v = [...new Set(values)].sort((a, b) => a - b);
  if (v.length === max - min + 1) return '*';
  const first = v[0]!;
  const step = v.length >= 3 ? v[1]! - first : 0;
  if (step > 1 && v.every((x, i) => x === first + i * step) && v[v.length - 1]! + step > max) {
    return first === min ? `*/${step}` : `${first}/${step}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < v.length; ) {
    let j = i;
    while (j + 1 < v.length && v[j + 1] === v[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${v[i]}-${v[j]}` : v.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** "S M H" parts for a set of times of day: fewest expressions that fire at exactly these times. */
export function timeParts(times: readonly number[]): string[] {
  const hoursOf = new Map<string, number[]>(); // "s m" -> hours
  for (const t of times) {
    const key = `${t % 60} ${Math.floor(t / 60) % 60}`;
    hoursOf.set(key, [...(hoursOf.get(key) ?? []), Math.floor(t / 3600)]);
  }
  const minutesOf = new Map<string, { second: number; hours: string; minutes: number[] }>();
  for (const [key, hours] of hoursOf) {
    const [second = 0, minute = 0] = key.split(' ').map(Number);
    const hoursText = fieldText(hours, FIELD_SPECS.hour.min, FIELD_SPECS.hour.max);
    const group = `${second} ${hoursText}`;
    const g = minutesOf.get(group) ?? { second, hours: hoursText, minutes: [] };
    g.minutes.push(minute);
    minutesOf.set(group, g);
  }
  return [...minutesOf.values()].map((g) => `${g.second} ${fieldText(g.minutes, FIELD_SPECS.minute.min, FIELD_SPECS.minute.max)} ${g.hours}`);
}

/** "D M DOW [Y]" parts: every day, some weekdays, or dates (one-shot, so they carry the year). */
export function dayParts(when: When): string[] {
  if (when.days) {
    const days = [...new Set(when.days.map((d) => WEEKDAYS.indexOf(d)))].sort((a, b) => a - b);
    return [`? * ${days.map((d) => WEEKDAYS[d]!.toUpperCase()).join(',')}`];
  }
  if (when.dates) {
    const byMonth = new Map<string, number[]>(); // "month year" -> days
    for (const date of when.dates) {
      const [year, month, day] = date.split('-').map(Number);
      const key = `${month} ${year}`;
      byMonth.set(key, [...(byMonth.get(key) ?? []), day!]);
    }
    return [...byMonth].map(([key, days]) => {
      const [month, year] = key.split(' ');
      return `${fieldText(days, 1, 31)} ${month} ? ${year}`;
    });
  }
  return ['* * *'];
}

/** Every expression a wall-clock `when` needs. */
export function wallClockExpressions(when: When): string[] {
  const times = timeParts(timesOfDay(when));
  return dayParts(when).flatMap((days) => times.map((t) => `${t} ${days}`));
}

/** A one-shot camera-relative expression: `seconds` after the recording start, on the virtual clock starting 1970-01-01. */
export function relativeOnce(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} ? ${d.getUTCFullYear()}`;
}

/**
 * Every `every` seconds from `from` after the recording start: a monotonic term, in minutes
 * when both divide into whole minutes (easier to read), else in seconds.
 */
export function relativeRepeat(every: number, from: number): string {
  if (every % 60 === 0 && from % 60 === 0 && every / 60 >= 2) return `0 ${from / 60}%${every / 60} * * * *`;
  return `${from}%${every} * * * * *`;
}

/** Several one-shot relative times, grouped by minute: one expression per minute that has any. */
export function relativeTimes(offsets: readonly number[]): string[] {
  const byMinute = new Map<number, number[]>();
  for (const t of offsets) {
    const minute = Math.floor(t / 60);
    byMinute.set(minute, [...(byMinute.get(minute) ?? []), t % 60]);
  }
  return [...byMinute].map(([minute, seconds]) => {
    const d = new Date(minute * 60_000);
    const secs = fieldText(seconds, FIELD_SPECS.second.min, FIELD_SPECS.second.max);
    return `${secs} ${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} ? ${d.getUTCFullYear()}`;
  });
}
