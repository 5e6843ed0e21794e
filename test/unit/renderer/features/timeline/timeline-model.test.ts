import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileProtocol } from '../../../../../src-main/core/protocols/compile';
import { Protocol } from '../../../../../src-main/core/protocols/model';
import type { RigLane } from '../../../../../src-main/core/protocols/outcomes';
import { fillParameters } from '../../../../../src-main/core/protocols/parameters';
import { plan, type PlanEvent } from '../../../../../src-main/core/protocols/plan';
import { planTaskOfCompiled } from '../../../../../src-main/core/protocols/plan-task';
import {
  aggregate, axisZone, chooseTicks, DAY, formatRange, describeEvent, describeHit, hitTest, HOUR, layoutRows, MINUTE, msOf, pan, rowSummary, verdictSummary, visibleActual, visibleBars, xOf, zoom,
} from '../../../../../src-renderer/features/timeline/timeline-model';

const FROM = new Date(2026, 0, 5, 0, 0, 0).getTime(); // a Monday, local midnight
const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const example = (name: string) => Protocol.parse(JSON.parse(readFileSync(`examples/protocols/${name}.json`, 'utf8')));

/** A lane as the core plans it: the example's tasks on one rig, for a day in this computer's zone. */
function laneOf(name: string, rig = 'rig-1', extra: Partial<RigLane> = {}): RigLane {
  const compiled = compileProtocol(fillParameters(example(name), undefined, rig));
    const planned = plan({ tasks: compiled.tasks.map(planTaskOfCompiled), from: new Date(FROM), until: new Date(FROM + DAY - 1), timeZone: HERE });
  return { rigId: rig, rig, timeZone: HERE, clockOffsetSeconds: 0, reachable: true, tasks: [], events: planned.events, warnings: [], ...extra };
}

const ev = (atMs: number, extra: Partial<PlanEvent> = {}): PlanEvent => ({
  atMs, camera: null, kind: 'output', action: 'io/led/set', args: { value: 1 }, output: 'led', task: 't', source: 'protocol', ...extra,
});

describe('timeline rows', () => {
  it('gives each rig a row and each camera its events name another, with warnings where they belong', () => {
    const lane = laneOf('hourly-stimulus', 'rig-1', {
      events: [...laneOf('hourly-stimulus').events, ev(FROM + HOUR, { camera: 'CAM1' })],
      warnings: [
        { code: 'clock-offset', message: 'The clock is 5 s ahead.', rig: 'rig-1' },
        { code: 'outside-recording', message: 'led set while nothing records.', rig: 'rig-1', atMs: FROM + 2 * HOUR, camera: 'CAM1' },
      ],
    });
    const rows = layoutRows([lane]);
    expect(rows.map((r) => r.label)).toEqual(['rig-1', 'rig-1 · CAM1']);
    expect(rows[0]!.bars).toHaveLength(24);
    expect(rows[0]!.ticks).toHaveLength(24 * 5);
    expect(rows[0]!.notes.map((n) => n.message)).toEqual(['The clock is 5 s ahead.']);
    expect(rows[1]!.warnings.map((w) => w.atMs)).toEqual([FROM + 2 * HOUR]);
    expect(rowSummary(rows[0]!, FROM, FROM + DAY)).toBe('rig-1: 24 recordings, 120 output events');
    expect(rowSummary(rows[0]!, FROM, FROM + 2 * HOUR - 1)).toBe('rig-1: 2 recordings, 10 output events');
  });
});

describe('scale, zoom and pan', () => {
  const s = { fromMs: FROM, untilMs: FROM + DAY, left: 100, width: 960 };
  it('maps time to x and back', () => {
    expect(xOf(s, FROM + 12 * HOUR)).toBe(580);
    expect(msOf(s, 580)).toBe(FROM + 12 * HOUR);
  });
  it('zooms around the anchor within limits and pans by a delta', () => {
    expect(zoom(FROM, FROM + DAY, 0.5, FROM + 6 * HOUR)).toEqual([FROM + 3 * HOUR, FROM + 15 * HOUR]);
    const [a, b] = zoom(FROM, FROM + 20 * MINUTE, 0.01);
    expect(b - a).toBe(10 * MINUTE);
    expect(pan(FROM, FROM + DAY, HOUR)).toEqual([FROM + HOUR, FROM + DAY + HOUR]);
  });
  it('chooses hours for a day and days for a week', () => {
    const day = chooseTicks(s, HERE);
    expect(day.step).toBe(3 * HOUR);
    expect(day.ticks.map((t) => t.label)).toEqual(['Mon 5 Jan', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Tue 6 Jan']);
    const week = chooseTicks({ ...s, untilMs: FROM + 7 * DAY }, HERE);
    expect(week.step).toBe(DAY);
    expect(week.ticks).toHaveLength(8);
    expect(chooseTicks({ ...s, untilMs: FROM + HOUR }, HERE).step).toBe(5 * MINUTE);
  });
});

describe("the axis in the rigs' zone", () => {
  const utc = (iso: string) => Date.parse(iso);
  const labels = (r: { ticks: { ms: number; label: string }[] }) => r.ticks.map((t) => [new Date(t.ms).toISOString(), t.label]);

  it('walks the days of New York across the change to summer time, whatever zone this computer is in', () => {
    // 8 March 2026 has 23 hours in New York: its midnights are 05:00 and 04:00 UTC either side.
    const week = chooseTicks({ fromMs: utc('2026-03-07T03:00:00Z'), untilMs: utc('2026-03-10T06:00:00Z'), left: 0, width: 300 }, 'America/New_York');
    expect(week.step).toBe(DAY);
    expect(labels(week)).toEqual([
      ['2026-03-07T05:00:00.000Z', 'Sat 7 Mar'],
      ['2026-03-08T05:00:00.000Z', 'Sun 8 Mar'],
      ['2026-03-09T04:00:00.000Z', 'Mon 9 Mar'],
      ['2026-03-10T04:00:00.000Z', 'Tue 10 Mar'],
    ]);
    // The same instants on Berlin's calendar are other days at other times.
    expect(labels(chooseTicks({ fromMs: utc('2026-03-07T03:00:00Z'), untilMs: utc('2026-03-10T06:00:00Z'), left: 0, width: 300 }, 'Europe/Berlin'))[0])
      .toEqual(['2026-03-07T23:00:00.000Z', 'Sun 8 Mar']);
  });

  it("labels the hours of the 23-hour day as New York's clock reads them, the skipped hour drawn once", () => {
    const day = chooseTicks({ fromMs: utc('2026-03-08T05:00:00Z'), untilMs: utc('2026-03-09T04:00:00Z'), left: 0, width: 960 }, 'America/New_York');
    expect(day.step).toBe(3 * HOUR);
    expect(labels(day)).toEqual([
      ['2026-03-08T05:00:00.000Z', 'Sun 8 Mar'],
      ['2026-03-08T07:00:00.000Z', '03:00'], // 02:00 EST became 03:00 EDT
      ['2026-03-08T10:00:00.000Z', '06:00'],
      ['2026-03-08T13:00:00.000Z', '09:00'],
      ['2026-03-08T16:00:00.000Z', '12:00'],
      ['2026-03-08T19:00:00.000Z', '15:00'],
      ['2026-03-08T22:00:00.000Z', '18:00'],
      ['2026-03-09T01:00:00.000Z', '21:00'],
      ['2026-03-09T04:00:00.000Z', 'Mon 9 Mar'],
    ]);
    const hourly = chooseTicks({ fromMs: utc('2026-03-08T05:30:00Z'), untilMs: utc('2026-03-08T09:30:00Z'), left: 0, width: 400 }, 'America/New_York');
    expect(hourly.step).toBe(HOUR);
    expect(hourly.ticks.map((t) => t.label)).toEqual(['01:00', '03:00', '04:00', '05:00']);
    expect(hourly.ticks.every((t) => !t.major)).toBe(true);
  });

  it('starts a day whose midnight is skipped (Santiago) at the change, and gives the 25-hour day of New York its midnights', () => {
    const chile = chooseTicks({ fromMs: utc('2026-09-05T00:00:00Z'), untilMs: utc('2026-09-07T12:00:00Z'), left: 0, width: 200 }, 'America/Santiago');
    expect(labels(chile)).toEqual([
      ['2026-09-05T04:00:00.000Z', 'Sat 5 Sep'],
      ['2026-09-06T04:00:00.000Z', 'Sun 6 Sep'], // 00:00 never happens: the day starts at 01:00
      ['2026-09-07T03:00:00.000Z', 'Mon 7 Sep'],
    ]);
    const fallBack = chooseTicks({ fromMs: utc('2026-11-01T04:00:00Z'), untilMs: utc('2026-11-02T06:00:00Z'), left: 0, width: 960 }, 'America/New_York');
    expect(fallBack.ticks.filter((t) => t.major).map((t) => new Date(t.ms).toISOString())).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(fallBack.ticks.map((t) => t.label).slice(0, 3)).toEqual(['Sun 1 Nov', '03:00', '06:00']);
  });

  it('puts the midnight and half-hours of Kolkata (UTC+05:30) where they are', () => {
    const day = chooseTicks({ fromMs: utc('2026-06-01T12:00:00Z'), untilMs: utc('2026-06-02T00:00:00Z'), left: 0, width: 960 }, 'Asia/Kolkata');
    expect(day.step).toBe(HOUR);
    expect(labels(day).slice(0, 8)).toEqual([
      ['2026-06-01T12:30:00.000Z', '18:00'],
      ['2026-06-01T13:30:00.000Z', '19:00'],
      ['2026-06-01T14:30:00.000Z', '20:00'],
      ['2026-06-01T15:30:00.000Z', '21:00'],
      ['2026-06-01T16:30:00.000Z', '22:00'],
      ['2026-06-01T17:30:00.000Z', '23:00'],
      ['2026-06-01T18:30:00.000Z', 'Tue 2 Jun'],
      ['2026-06-01T19:30:00.000Z', '01:00'],
    ]);
    expect(day.ticks.filter((t) => t.major).map((t) => new Date(t.ms).toISOString())).toEqual(['2026-06-01T18:30:00.000Z']);
    expect(formatRange(utc('2026-06-01T12:00:00Z'), utc('2026-06-02T00:00:00Z'), 'Asia/Kolkata')).toBe('Mon 1 Jun 17:30 to Tue 2 Jun 05:30');
    const missed = { kind: 'verdict' as const, verdict: { task: 'a', atMs: utc('2026-06-01T03:30:00Z'), camera: null, verdict: 'missed' as const } };
    expect(describeHit(missed, 'Asia/Kolkata')).toEqual(['09:00:00 planned recording start (a) did not happen']);
  });

  it("draws in the rigs' zone when they share one, and says so; in this computer's zone when they differ", () => {
    const lane = (rig: string, timeZone: string, reachable: boolean | null = true): RigLane =>
      ({ rigId: rig, rig, timeZone, clockOffsetSeconds: 0, reachable, tasks: [], events: [], warnings: [] });
    expect(axisZone([lane('a', 'Europe/Berlin')], 'UTC')).toEqual({ timeZone: 'Europe/Berlin', words: "Times in Europe/Berlin (the rig's zone)" });
    // A rig that could not be read carries no zone of its own.
    expect(axisZone([lane('a', 'Europe/Berlin'), lane('b', 'Europe/Berlin'), lane('c', 'UTC', false)], 'UTC'))
      .toEqual({ timeZone: 'Europe/Berlin', words: "Times in Europe/Berlin (the rigs' zone)" });
    expect(axisZone([lane('a', 'Europe/Berlin'), lane('b', 'America/New_York'), lane('c', 'Europe/Berlin')], 'Asia/Tokyo')).toEqual({
      timeZone: 'Asia/Tokyo',
      words: "Times in this computer's zone (Asia/Tokyo); the rigs' zones differ: Europe/Berlin (2 rigs), America/New_York (1 rig)",
    });
    expect(axisZone([], 'Asia/Tokyo')).toEqual({ timeZone: 'Asia/Tokyo', words: "Times in this computer's zone (Asia/Tokyo)" });
    expect(axisZone([lane('a', 'Mars/Olympus_Mons')], 'UTC').timeZone).toBe('UTC');
  });
});

describe('density marks', () => {
  it('merges events closer than 3 px and visits only the visible ones', () => {
    const s = { fromMs: FROM, untilMs: FROM + 1000, left: 0, width: 1000 };
    const events = [-50, 10, 11, 12, 20, 500, 1200].map((d) => ev(FROM + d, d === 20 ? { source: 'other' } : {}));
    const marks = aggregate(events, s);
    expect(marks.map((m) => [m.x0, m.count, m.other])).toEqual([[10, 3, false], [20, 1, true], [500, 1, false]]);
    expect(marks[0]!.first).toBe(1);
  });
  it('keeps a week of 10,000 events to at most one mark per 3 px', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ev(FROM + i * 60_000));
    const s = { fromMs: FROM, untilMs: FROM + 7 * DAY, left: 0, width: 1200 };
    const marks = aggregate(events, s);
    expect(marks.length).toBeLessThanOrEqual(1200 / 3 + 1);
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(10_000);
  });
});

describe('recording bars and what is under the pointer', () => {
  const s = { fromMs: FROM, untilMs: FROM + DAY, left: 0, width: 24 * 60 };
  it('draws an open recording to the edge and says so', () => {
    const open = ev(FROM + HOUR, { kind: 'recording', action: 'recording/start', args: {}, endMs: null, task: 'rig-task' });
    expect(visibleBars([open], s)).toEqual([{ event: open, x0: 60, x1: 24 * 60 }]);
    const row = layoutRows([{ rigId: 'r', rig: 'r', timeZone: 'UTC', clockOffsetSeconds: 0, reachable: true, tasks: [], events: [open], warnings: [] }])[0]!;
    const hit = hitTest(row, s, 600);
    expect(hit && describeHit(hit, HERE)[0]).toMatch(/no duration set: it runs until stopped/);
  });
  it('names a stimulus in words', () => {
    const rows = layoutRows([laneOf('hourly-stimulus')]);
    const hit = hitTest(rows[0]!, s, 10 * 60 + 5);
    expect(hit?.kind).toBe('events');
    expect(describeHit(hit!, HERE)).toEqual(['10:05:00 led → toggle (mc-hourly-stimulus-2)']);
    expect(describeHit(hitTest(rows[0]!, s, 10 * 60 + 12, 1)!, HERE)).toEqual(['10:00:00 recording for 30 min, until 10:30:00 (mc-hourly-stimulus-1)']);
    expect(hitTest(rows[0]!, s, 10 * 60 + 45)).toBeNull();
  });
  it('marks the rig\'s own tasks', () => {
    expect(describeEvent(ev(FROM + 17 * HOUR, { kind: 'copy', action: 'recordings/copy_all', args: { location: '/mnt/nas' }, task: 'nightly', source: 'other' }), HERE))
      .toBe('17:00:00 copy all recordings to /mnt/nas (nightly, a task of the rig)');
  });
});

describe('hover on a crowded row', () => {
  it('names the nearest event and those drawn with it, not every one in reach', () => {
    const s = { fromMs: FROM, untilMs: FROM + DAY, left: 0, width: 24 * 60 / 5 }; // 5 min a pixel
    const row = layoutRows([laneOf('hourly-stimulus')])[0]!;
    // Within 3 px (15 min) of 10:10: the whole half hour's toggles share the mark.
    expect(describeHit(hitTest(row, s, (10 * 60 + 10) / 5)!, HERE)).toEqual(
      [5, 10, 15, 20, 25].map((m) => `10:${String(m).padStart(2, '0')}:00 led → toggle (mc-hourly-stimulus-2)`),
    );
    const wide = { ...s, width: 24 * 60 };
    expect(describeHit(hitTest(row, wide, 20 * 60 + 11)!, HERE)).toEqual(['20:10:00 led → toggle (mc-hourly-stimulus-2)']);
  });
});

describe('planned against actual, for the past', () => {
  const s = { fromMs: FROM, untilMs: FROM + DAY, left: 0, width: 24 * 60 };
  const lane: RigLane = {
    rigId: 'r', rig: 'r', timeZone: 'UTC', clockOffsetSeconds: 0, reachable: true, tasks: [], events: [], warnings: [],
    actual: [
      { camera: 'CAM2', startMs: FROM + 3 * HOUR, endMs: null },
      { camera: 'CAM1', startMs: FROM + HOUR, endMs: FROM + 2 * HOUR },
      { camera: 'CAM1', startMs: FROM - HOUR, endMs: FROM + 10 * MINUTE },
    ],
    verdicts: [
      { task: 'a', atMs: FROM + 2 * HOUR, camera: 'CAM1', verdict: 'missed' },
      { task: 'a', atMs: FROM + HOUR, camera: 'CAM1', verdict: 'ran' },
      { task: 'b', atMs: FROM + HOUR, camera: null, verdict: 'not-seen' },
      { task: 'a', atMs: FROM + 2 * DAY, camera: 'CAM1', verdict: 'ran' },
    ],
  };
  it('puts what the app saw in the rows of its cameras, and verdicts where they were planned', () => {
    const rows = layoutRows([lane]);
    expect(rows.map((r) => r.label)).toEqual(['r', 'r · CAM1', 'r · CAM2']);
    expect(rows[1]!.actual.map((a) => a.startMs)).toEqual([FROM - HOUR, FROM + HOUR]);
    expect(rows[1]!.verdicts.map((v) => v.verdict)).toEqual(['ran', 'missed', 'ran']);
    expect(rows[0]!.verdicts.map((v) => v.verdict)).toEqual(['not-seen']);
  });
  it('clips actual recordings to the view and draws a running one up to now', () => {
    const [rig, cam1, cam2] = layoutRows([lane]);
    expect(rig!.actual).toEqual([]);
    expect(visibleActual(cam1!.actual, s, FROM + 4 * HOUR)).toEqual([{ x0: 0, x1: 10 }, { x0: 60, x1: 120 }]);
    expect(visibleActual(cam2!.actual, s, FROM + 4 * HOUR)).toEqual([{ x0: 180, x1: 240 }]);
    expect(rowSummary(cam1!, FROM, FROM + DAY)).toBe('r · CAM1: nothing planned; 2 recordings seen');
    expect(rowSummary(cam1!, FROM + 3 * HOUR, FROM + DAY)).toBe('r · CAM1: nothing planned');
  });
  it('counts the verdicts in view in words', () => {
    const rows = layoutRows([lane]);
    expect(verdictSummary(rows, FROM, FROM + DAY)).toBe('1 planned start ran, 1 missed, 1 not seen (the rig was away)');
    expect(verdictSummary(rows, FROM + 90 * MINUTE, FROM + 3 * DAY)).toBe('1 planned start ran, 1 missed');
    expect(verdictSummary(rows, FROM + 3 * HOUR, FROM + DAY)).toBeNull();
  });
  it('says what a cross means under the pointer', () => {
    const [rig, cam1] = layoutRows([lane]);
    const missed = hitTest(cam1!, s, 120);
    expect(missed && describeHit(missed, HERE)).toEqual(['02:00:00 planned recording start (a) did not happen']);
    const away = hitTest(rig!, s, 61);
    expect(away && describeHit(away, HERE)).toEqual(['01:00:00 planned recording start (b): not seen, the rig was away then']);
    expect(hitTest(cam1!, s, 60)).toBeNull(); // a start that ran has no cross
  });
});
