import type { CheckWarning } from '../../../src-main/core/protocols/checks';
import type { ActualRecording, RigLane, StartVerdict } from '../../../src-main/core/protocols/outcomes';
import type { PlanEvent } from '../../../src-main/core/protocols/plan';
import { SECONDS_PER_DAY, weekdayOfDays } from '../../../src-shared/calendar';
import { civilFieldsInZone, instantOfCivil, isValidTimeZone, localTimeZone, zoneOffsets } from '../../../src-shared/zoned-time';

/**
 * The pure part of the timeline: which rows to draw (one per rig and camera), the time <-> x
 * scale, axis ticks for the zoom in the zone the axis is drawn in, dense events merged into marks, and what is under the
 * pointer. The canvas component only paints what this computes.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Ticks closer than this many pixels are drawn as one density mark. */
export const MERGE_PX = 3;

export interface Row {
  key: string;
  rig: string;
  /** Null: the whole rig. */
  camera: string | null;
  label: string;
  /** Recordings, by start. */
  bars: PlanEvent[];
  /** Everything else, by time. */
  ticks: PlanEvent[];
  /** Warnings with a time, by time. */
  warnings: (CheckWarning & { atMs: number })[];
  /** Warnings without a time: shown in the row header. */
  notes: CheckWarning[];
  /** Why the rig could not be read, when it could not. */
  error?: string;
  /** Recordings the app saw in the past, by start. */
  actual: ActualRecording[];
  /** How the planned starts in the past turned out, by time. */
  verdicts: StartVerdict[];
}

const byTime = (a: { atMs: number }, b: { atMs: number }) => a.atMs - b.atMs;

/** One row per rig (whole-rig events and the rig's warnings), then one per camera its events name. */
export function layoutRows(lanes: readonly RigLane[]): Row[] {
  const rows: Row[] = [];
  for (const lane of lanes) {
    const actual = lane.actual ?? [];
    const verdicts = lane.verdicts ?? [];
    const cameras = [...new Set([
      ...lane.events.flatMap((e) => (e.camera === null ? [] : [e.camera])),
      ...actual.map((a) => a.camera),
      ...verdicts.flatMap((v) => (v.camera === null ? [] : [v.camera])),
    ])].sort();
    for (const camera of [null, ...cameras]) {
      const events = lane.events.filter((e) => e.camera === camera);
      const ownWarnings = lane.warnings.filter((w) => (w.camera ?? null) === camera || (camera === null && w.camera != null && !cameras.includes(w.camera)));
      rows.push({
        key: `${lane.rigId ?? lane.rig}/${camera ?? ''}`,
        rig: lane.rig,
        camera,
        label: camera === null ? lane.rig : `${lane.rig} · ${camera}`,
        bars: events.filter((e) => e.kind === 'recording').sort(byTime),
        ticks: events.filter((e) => e.kind !== 'recording').sort(byTime),
        warnings: ownWarnings.flatMap((w) => (w.atMs === undefined ? [] : [{ ...w, atMs: w.atMs }])).sort(byTime),
        notes: ownWarnings.filter((w) => w.atMs === undefined),
        ...(camera === null && lane.error ? { error: lane.error.message } : {}),
        actual: actual.filter((a) => a.camera === camera).sort((a, b) => a.startMs - b.startMs),
        verdicts: verdicts.filter((v) => v.camera === camera).sort(byTime),
      });
    }
  }
  return rows;
}

/** Time to x over [fromMs, untilMs] drawn on [left, left + width]. */
export interface Scale {
  fromMs: number;
  untilMs: number;
  left: number;
  width: number;
}

export const xOf = (s: Scale, ms: number): number => s.left + ((ms - s.fromMs) / (s.untilMs - s.fromMs)) * s.width;
export const msOf = (s: Scale, x: number): number => s.fromMs + ((x - s.left) / s.width) * (s.untilMs - s.fromMs);

/** The shortest and longest spans the view may show. */
export const MIN_SPAN = 10 * MINUTE;
export const MAX_SPAN = 31 * DAY;

/** The range zoomed by `factor` (< 1 zooms in) keeping `anchorMs` where it is. */
export function zoom(fromMs: number, untilMs: number, factor: number, anchorMs = (fromMs + untilMs) / 2): [number, number] {
  const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (untilMs - fromMs) * factor));
  const share = (anchorMs - fromMs) / (untilMs - fromMs);
  const from = Math.round(anchorMs - share * span);
  return [from, from + Math.round(span)];
}

export const pan = (fromMs: number, untilMs: number, deltaMs: number): [number, number] => [fromMs + deltaMs, untilMs + deltaMs];

export interface Tick {
  ms: number;
  label: string;
  /** A day boundary: drawn stronger. */
  major: boolean;
}

const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 7 * DAY];
const two = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 5 Jan": the day an instant falls on in the zone. */
const dayLabel = (ms: number, timeZone: string) => {
  const t = civilFieldsInZone(new Date(ms), timeZone);
  return `${WEEKDAYS[weekdayOfDays(t.days)]} ${t.day} ${MONTHS[t.month - 1]}`;
};

/** The instant a day (days since 1970-01-01 on the zone's calendar) begins in the zone. */
const midnightOf = (days: number, timeZone: string) => instantOfCivil(days * SECONDS_PER_DAY, timeZone);

/** The start of the zone's day that holds `ms`. */
export const startOfDay = (ms: number, timeZone: string): number => midnightOf(civilFieldsInZone(new Date(ms), timeZone).days, timeZone);

/**
 * Axis ticks on the zone's clock: the finest step leaving `minPx` between labels (hours when
 * zoomed in, days out). Days are walked on the zone's calendar, so a DST day of 23 or 25 hours
 * still ends at its midnight.
 */
export function chooseTicks(s: Scale, timeZone: string, minPx = 70): { step: number; ticks: Tick[] } {
  const perPx = (s.untilMs - s.fromMs) / s.width;
  const step = STEPS.find((st) => st / perPx >= minPx) ?? STEPS[STEPS.length - 1]!;
  const ticks: Tick[] = [];
  const first = civilFieldsInZone(new Date(s.fromMs), timeZone).days;
  if (step >= DAY) {
    const every = step / DAY;
    let day = first;
    while (midnightOf(day, timeZone) < s.fromMs) day += 1;
    if (every === 7) while (weekdayOfDays(day) !== 1) day += 1;
    for (let ms = midnightOf(day, timeZone); ms <= s.untilMs; day += every, ms = midnightOf(day, timeZone)) {
      ticks.push({ ms, label: dayLabel(ms, timeZone), major: true });
    }
    return { step, ticks };
  }
  // Within a day the steps are walked on the wall clock too: after a change the ticks still read
  // 03:00, 06:00; a wall-clock time the change skipped falls on the change and is drawn once.
  const stepS = step / 1000;
  const fromCivil = Math.floor(s.fromMs / 1000) + zoneOffsets(timeZone).offset(Math.floor(s.fromMs / 1000));
  let last = Number.NEGATIVE_INFINITY;
  for (let day = first; midnightOf(day, timeZone) <= s.untilMs; day += 1) {
    const dayStart = day * SECONDS_PER_DAY;
    for (let k = Math.max(0, Math.floor((fromCivil - dayStart) / stepS)); k * stepS < SECONDS_PER_DAY; k += 1) {
      const ms = instantOfCivil(dayStart + k * stepS, timeZone);
      if (ms > s.untilMs) break;
      if (ms < s.fromMs || ms <= last) continue;
      last = ms;
      const t = civilFieldsInZone(new Date(ms), timeZone);
      ticks.push({ ms, label: k === 0 ? dayLabel(ms, timeZone) : `${two(t.hour)}:${two(t.minute)}`, major: k === 0 });
    }
  }
  return { step, ticks };
}

/** The zone the axis is drawn in, and that choice in words for the reader. */
export interface AxisZone {
  timeZone: string;
  words: string;
}

/**
 * The rigs' zone when every lane that could be read shares one (the plan is in the rigs'
 * time); this computer's zone otherwise, saying how the rigs differ. A rig that could not be
 * read has no zone of its own to tell, so it does not count.
 */
export function axisZone(lanes: readonly RigLane[], here: string = localTimeZone()): AxisZone {
  const read = lanes.filter((l) => l.reachable !== false);
  const zones = new Map<string, number>();
  for (const l of read) zones.set(l.timeZone, (zones.get(l.timeZone) ?? 0) + 1);
  const [only] = zones.keys();
  if (zones.size === 1 && only !== undefined && isValidTimeZone(only)) {
    return { timeZone: only, words: `Times in ${only} (${read.length === 1 ? "the rig's" : "the rigs'"} zone)` };
  }
  const local = `Times in this computer's zone (${here})`;
  if (zones.size === 0) return { timeZone: here, words: local };
  if (zones.size === 1) return { timeZone: here, words: `${local}; the rigs' zone ${only} is not known to this computer` };
  const differ = [...zones].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([z, n]) => `${z} (${n} ${n === 1 ? 'rig' : 'rigs'})`);
  return { timeZone: here, words: `${local}; the rigs' zones differ: ${differ.join(', ')}` };
}

/** First index whose atMs is at or after `ms` (events sorted by time). */
export function firstAtOrAfter(events: readonly { atMs: number }[], ms: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.atMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Mark {
  x0: number;
  x1: number;
  /** Indices into the row's ticks. */
  first: number;
  count: number;
  other: boolean;
}

/**
 * The visible ticks of a row as marks: events closer than `mergePx` merge into one mark (its
 * count tells the density), so only what is on screen is visited and a pixel is drawn once.
 */
export function aggregate(events: readonly PlanEvent[], s: Scale, mergePx = MERGE_PX): Mark[] {
  const marks: Mark[] = [];
  const margin = (mergePx * (s.untilMs - s.fromMs)) / s.width;
  const end = firstAtOrAfter(events, s.untilMs + margin);
  let cur: Mark | null = null;
  for (let i = firstAtOrAfter(events, s.fromMs - margin); i < end; i += 1) {
    const e = events[i]!;
    const x = xOf(s, e.atMs);
    if (cur && x - cur.x0 < mergePx) {
      cur.x1 = x;
      cur.count += 1;
      cur.other ||= e.source === 'other';
    } else {
      cur = { x0: x, x1: x, first: i, count: 1, other: e.source === 'other' };
      marks.push(cur);
    }
  }
  return marks;
}

/** Recordings overlapping the view; open ones (no end) run to the right edge. */
export function visibleBars(bars: readonly PlanEvent[], s: Scale): { event: PlanEvent; x0: number; x1: number }[] {
  const out: { event: PlanEvent; x0: number; x1: number }[] = [];
  for (const e of bars) {
    if (e.atMs > s.untilMs) break;
    const end = e.endMs ?? Number.POSITIVE_INFINITY;
    if (end < s.fromMs) continue;
    out.push({ event: e, x0: Math.max(s.left, xOf(s, e.atMs)), x1: end === Number.POSITIVE_INFINITY ? s.left + s.width : Math.min(s.left + s.width, xOf(s, end)) });
  }
  return out;
}

/** Recordings the app saw, overlapping the view; one still running is drawn up to now. */
export function visibleActual(actual: readonly ActualRecording[], s: Scale, nowMs: number): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (const a of actual) {
    if (a.startMs > s.untilMs) break;
    const end = a.endMs ?? nowMs;
    if (end < s.fromMs) continue;
    out.push({ x0: Math.max(s.left, xOf(s, a.startMs)), x1: Math.min(s.left + s.width, xOf(s, end)) });
  }
  return out;
}

/** "3 planned starts ran, 1 missed, 2 not seen (the rig was away)" over the view; null when none was judged there. */
export function verdictSummary(rows: readonly Row[], fromMs: number, untilMs: number): string | null {
  const n = { ran: 0, missed: 0, 'not-seen': 0 };
  for (const r of rows) for (const v of r.verdicts) if (v.atMs >= fromMs && v.atMs <= untilMs) n[v.verdict] += 1;
  if (n.ran + n.missed + n['not-seen'] === 0) return null;
  const head = `${n.ran} planned ${n.ran === 1 ? 'start' : 'starts'} ran, ${n.missed} missed`;
  return n['not-seen'] > 0 ? `${head}, ${n['not-seen']} not seen (the rig was away)` : head;
}

export type Hit =
  | { kind: 'events'; events: PlanEvent[] }
  | { kind: 'recording'; event: PlanEvent }
  | { kind: 'warning'; warning: CheckWarning }
  | { kind: 'verdict'; verdict: StartVerdict };

/** What is under x in a row: a warning, else a start that did not happen, else the nearest tick within `radiusPx` (with those merged with it), else a recording bar. */
export function hitTest(row: Row, s: Scale, x: number, radiusPx = 4): Hit | null {
  const at = msOf(s, x);
  const r = (radiusPx * (s.untilMs - s.fromMs)) / s.width;
  const w = row.warnings.slice(firstAtOrAfter(row.warnings, at - r)).find((x2) => x2.atMs <= at + r);
  if (w) return { kind: 'warning', warning: w };
  const v = row.verdicts.slice(firstAtOrAfter(row.verdicts, at - r)).find((x2) => x2.atMs <= at + r && x2.verdict !== 'ran');
  if (v) return { kind: 'verdict', verdict: v };
  const lo = firstAtOrAfter(row.ticks, at - r);
  const hi = firstAtOrAfter(row.ticks, at + r + 1);
  if (hi > lo) {
    // The nearest event and those drawn in the same mark with it, not every event in reach.
    let near = lo;
    for (let i = lo + 1; i < hi; i += 1) if (Math.abs(row.ticks[i]!.atMs - at) < Math.abs(row.ticks[near]!.atMs - at)) near = i;
    const merged = (MERGE_PX * (s.untilMs - s.fromMs)) / s.width;
    const nearMs = row.ticks[near]!.atMs;
    return { kind: 'events', events: row.ticks.slice(firstAtOrAfter(row.ticks, nearMs - merged), firstAtOrAfter(row.ticks, nearMs + merged + 1)) };
  }
  for (let i = row.bars.length - 1; i >= 0; i -= 1) {
    const b = row.bars[i]!;
    if (b.atMs <= at && (b.endMs == null || b.endMs >= at)) return { kind: 'recording', event: b };
  }
  return null;
}

/** "10:05:00" on the zone's clock. */
const clock = (ms: number, timeZone: string) => {
  const t = civilFieldsInZone(new Date(ms), timeZone);
  return `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
};

const argText = (v: unknown): string => (v === null || v === Number.POSITIVE_INFINITY ? 'toggle' : typeof v === 'string' ? v : JSON.stringify(v));

/** What an event does, in words: "led → toggle", "recording for 30 min", "copy all recordings to /mnt/nas". */
export function eventWords(e: PlanEvent, timeZone: string): string {
  switch (e.kind) {
    case 'recording': {
      if (e.endMs == null) return 'recording with no duration set: it runs until stopped';
      const min = Math.round((e.endMs - e.atMs) / MINUTE);
      return `recording for ${min >= 60 && min % 60 === 0 ? `${min / 60} h` : `${min} min`}, until ${clock(e.endMs, timeZone)}`;
    }
    case 'output':
      return `${e.output ?? e.action} → ${argText(e.args.value)}`;
    case 'copy':
      return `copy all recordings${typeof e.args.location === 'string' ? ` to ${e.args.location}` : ''}`;
    case 'export':
      return `export recordings${typeof e.args.location === 'string' ? ` to ${e.args.location}` : ''}`;
    case 'configure':
      return `configure ${Object.entries(e.args).map(([k, v]) => `${k} = ${argText(v)}`).join(', ')}`.trim();
    default:
      return e.action;
  }
}

/** "10:05:00 led → toggle (mc-hourly-stimulus-2)", marked when it is the rig's own task. */
export const describeEvent = (e: PlanEvent, timeZone: string): string =>
  `${clock(e.atMs, timeZone)} ${eventWords(e, timeZone)} (${e.task}${e.source === 'other' ? ', a task of the rig' : ''})`;

/** What is under the pointer in words, its times on the zone's clock. */
export function describeHit(h: Hit, timeZone: string): string[] {
  if (h.kind === 'warning') return [`Warning: ${h.warning.message}`];
  if (h.kind === 'recording') return [describeEvent(h.event, timeZone)];
  if (h.kind === 'verdict') {
    const what = `${clock(h.verdict.atMs, timeZone)} planned recording start (${h.verdict.task})`;
    return [h.verdict.verdict === 'missed' ? `${what} did not happen` : `${what}: not seen, the rig was away then`];
  }
  const shown = h.events.slice(0, 5).map((e) => describeEvent(e, timeZone));
  return h.events.length > 5 ? [...shown, `… and ${h.events.length - 5} more here`] : shown;
}

const KIND_WORDS: Record<PlanEvent['kind'], [string, string]> = {
  recording: ['recording', 'recordings'],
  output: ['output event', 'output events'],
  configure: ['configure event', 'configure events'],
  copy: ['copy', 'copies'],
  export: ['export', 'exports'],
  other: ['other event', 'other events'],
};

/** A row in words, counting only what falls in the view: "rig-1: 12 recordings, 72 output events; 3 recordings seen". */
export function rowSummary(row: Row, fromMs: number, untilMs: number): string {
  const counts = new Map<PlanEvent['kind'], number>();
  for (const e of [...row.bars, ...row.ticks]) {
    if (e.atMs < fromMs || e.atMs > untilMs) continue;
    counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, n]) => `${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`);
  const seen = row.actual.filter((a) => a.startMs <= untilMs && (a.endMs ?? Number.POSITIVE_INFINITY) >= fromMs).length;
  const head = `${row.label}: ${parts.length ? parts.join(', ') : 'nothing planned'}${seen > 0 ? `; ${seen} ${seen === 1 ? 'recording' : 'recordings'} seen` : ''}`;
  return row.error ? `${head} (${row.error})` : head;
}

const stamp = (ms: number, timeZone: string) => `${dayLabel(ms, timeZone)} ${clock(ms, timeZone).slice(0, 5)}`;

/** "Mon 5 Jan 00:00 to Tue 6 Jan 00:00", on the zone's clock. */
export const formatRange = (fromMs: number, untilMs: number, timeZone: string): string => `${stamp(fromMs, timeZone)} to ${stamp(untilMs, timeZone)}`;
