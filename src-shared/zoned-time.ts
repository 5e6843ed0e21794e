/**
 * UTC offsets of IANA time zones from `Intl.DateTimeFormat`, memoised per UTC day so a
 * search asks Intl a few times per day it touches instead of once per candidate second.
 * Assumes at most one offset change per UTC day, which holds for every zone in tzdb.
 */
import { daysFromCivil, SECONDS_PER_DAY, splitCivilSeconds } from './calendar';

export interface OffsetChange { at: number; before: number; after: number }

interface DayOffsets { start: number; end: number; change: OffsetChange | null }

const FIXED_UTC = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'GMT0']);
const MAX_CACHED_DAYS = 200_000;

export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly points = new Map<number, number>();
  private readonly days = new Map<number, DayOffsets>();
  readonly fixedOffset: number | null;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    this.fixedOffset = FIXED_UTC.has(timeZone) ? 0 : null;
  }

  /** Offset in seconds at Unix second s: local civil seconds = s + offset. */
  offset(s: number): number {
    if (this.fixedOffset !== null) return this.fixedOffset;
    const day = this.day(Math.floor(s / SECONDS_PER_DAY));
    if (day.change === null || s < day.change.at) return day.start;
    return day.end;
  }

  /** The first offset change after s and no later than s + 2 days, if any. */
  changeAfter(s: number): OffsetChange | null {
    if (this.fixedOffset !== null) return null;
    const first = Math.floor(s / SECONDS_PER_DAY);
    for (let d = first; d <= first + 2; d++) {
      const change = this.day(d).change;
      if (change !== null && change.at > s && change.at <= s + 2 * SECONDS_PER_DAY) return change;
    }
    return null;
  }

  private day(index: number): DayOffsets {
    const cached = this.days.get(index);
    if (cached) return cached;
    if (this.days.size > MAX_CACHED_DAYS) { this.days.clear(); this.points.clear(); }
    const from = index * SECONDS_PER_DAY;
    const to = from + SECONDS_PER_DAY;
    const start = this.pointOffset(from);
    const end = this.pointOffset(to);
    let change: OffsetChange | null = null;
    if (start !== end) {
      let lo = from;
      let hi = to;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.rawOffset(mid) === start) lo = mid; else hi = mid;
      }
      change = { at: hi, before: start, after: end };
    }
    const entry = { start, end, change };
    this.days.set(index, entry);
    return entry;
  }

  private pointOffset(s: number): number {
    let offset = this.points.get(s);
    if (offset === undefined) {
      offset = this.rawOffset(s);
      this.points.set(s, offset);
    }
    return offset;
  }

  private rawOffset(s: number): number {
    let year = 0; let month = 1; let day = 1; let hour = 0; let minute = 0; let second = 0; let bc = false;
    for (const part of this.format.formatToParts(new Date(s * 1000))) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value.startsWith('B'); break;
        default: break;
      }
    }
    if (bc) year = 1 - year;
    const civil = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    return civil - s;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The process's own zone, as Intl resolves it. */
export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Throws RangeError for a zone Intl does not know. */
export function zoneOffsets(timeZone?: string): ZoneOffsets {
  const name = timeZone ?? localTimeZone();
  let zone = zones.get(name);
  if (!zone) {
    zone = new ZoneOffsets(name);
    zones.set(name, zone);
  }
  return zone;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneOffsets(timeZone);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatOffset(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'Z';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const hhmm = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? hhmm : `${hhmm}:${pad(abs % 60)}`;
}

/** ISO 8601 local time with its offset in the zone, e.g. 2019-05-17T16:05:00+02:00 (Z for UTC). */
export function formatInZone(at: Date, timeZone?: string): string {
  const s = Math.floor(at.getTime() / 1000);
  const offset = zoneOffsets(timeZone).offset(s);
  const t = splitCivilSeconds(s + offset);
  const ms = at.getTime() - s * 1000;
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}${formatOffset(offset)}`;
}

/**
 * The first instant (Unix ms) at which the zone's wall clock reads `civilSeconds` or later:
 * the earlier of the two when clocks go back, the moment of the change when they go forward
 * past it (a midnight skipped by DST: the day starts at the change).
 */
export function instantOfCivil(civilSeconds: number, timeZone?: string): number {
  const zone = zoneOffsets(timeZone);
  // The offsets a day either side bound the instant: no zone is a day away from UTC.
  const a = zone.offset(civilSeconds - SECONDS_PER_DAY);
  const b = zone.offset(civilSeconds + SECONDS_PER_DAY);
  const earlier = civilSeconds - Math.max(a, b);
  const later = civilSeconds - Math.min(a, b);
  for (const s of [earlier, later]) if (s + zone.offset(s) === civilSeconds) return s * 1000;
  return (zone.changeAfter(earlier - 1)?.at ?? later) * 1000;
}

/** Wall-clock fields of an instant in a zone. */
export function civilFieldsInZone(at: Date, timeZone?: string) {
  const s = Math.floor(at.getTime() / 1000);
  return splitCivilSeconds(s + zoneOffsets(timeZone).offset(s));
}
