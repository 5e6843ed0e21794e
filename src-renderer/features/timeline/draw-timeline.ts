import { aggregate, chooseTicks, visibleActual, visibleBars, xOf, type Row, type Scale } from './timeline-model';

/** Painting one frame of the timeline on a 2D canvas; what to paint comes from the model. */

export const LAYOUT = { header: 190, axis: 30, row: 28 } as const;

const COLOURS = {
  grid: '#e9ecef',
  gridMajor: '#adb5bd',
  text: '#343a40',
  dim: '#868e96',
  recording: '#74c0fc',
  recordingEdge: '#1c7ed6',
  tick: '#2b8a3e',
  marker: '#e8590c',
  other: '#7950f2',
  warning: '#e03131',
  now: '#c92a2a',
  band: '#f8f9fa',
  actual: '#1864ab',
  missed: '#e03131',
  notSeen: '#868e96',
} as const;

/** Darkness steps of density blocks: each is one path, so few steps keep a frame cheap. */
const DENSITY_LEVELS = 4;

export const heightOf = (rows: number) => LAYOUT.axis + Math.max(1, rows) * LAYOUT.row;

/** Diagonal lines: the rig's own tasks are drawn hatched, a protocol's filled. */
function hatch(ctx: CanvasRenderingContext2D, dpr: number): CanvasPattern | null {
  const size = Math.round(6 * dpr);
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const p = c.getContext('2d');
  if (!p) return null;
  p.strokeStyle = COLOURS.other;
  p.lineWidth = dpr;
  p.beginPath();
  p.moveTo(0, size);
  p.lineTo(size, 0);
  p.stroke();
  return ctx.createPattern(c, 'repeat');
}

const patterns = new WeakMap<CanvasRenderingContext2D, CanvasPattern | null>();

export interface Frame {
  rows: readonly Row[];
  fromMs: number;
  untilMs: number;
  nowMs: number | undefined;
  /** The zone the axis is labelled in. */
  timeZone: string;
  /** CSS pixels. */
  width: number;
  dpr: number;
}

export function drawTimeline(ctx: CanvasRenderingContext2D, f: Frame): void {
  const height = heightOf(f.rows.length);
  const s: Scale = { fromMs: f.fromMs, untilMs: f.untilMs, left: LAYOUT.header, width: Math.max(1, f.width - LAYOUT.header) };
  if (!patterns.has(ctx)) patterns.set(ctx, hatch(ctx, f.dpr));
  const hatched = patterns.get(ctx) ?? COLOURS.other;
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  ctx.clearRect(0, 0, f.width, height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  // Row bands and headers.
  f.rows.forEach((row, i) => {
    const y = LAYOUT.axis + i * LAYOUT.row;
    if (i % 2 === 1) {
      ctx.fillStyle = COLOURS.band;
      ctx.fillRect(0, y, f.width, LAYOUT.row);
    }
    ctx.fillStyle = row.error ? COLOURS.dim : COLOURS.text;
    const badge = row.notes.length > 0 ? ` ⚠${row.notes.length}` : row.error ? ' (unreachable)' : '';
    ctx.fillText(fit(ctx, row.label, LAYOUT.header - 12 - ctx.measureText(badge).width) + badge, 6, y + LAYOUT.row / 2);
  });

  // Axis and grid.
  ctx.save();
  ctx.beginPath();
  ctx.rect(s.left, 0, s.width, height);
  ctx.clip();
  for (const t of chooseTicks(s, f.timeZone).ticks) {
    const x = Math.round(xOf(s, t.ms)) + 0.5;
    ctx.strokeStyle = t.major ? COLOURS.gridMajor : COLOURS.grid;
    ctx.beginPath();
    ctx.moveTo(x, LAYOUT.axis - 6);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillStyle = t.major ? COLOURS.text : COLOURS.dim;
    ctx.fillText(t.label, x + 3, LAYOUT.axis / 2 - 2);
  }

  // Shapes of one style go into one path, filled or stroked once: a week of 50 rigs is tens of
  // thousands of shapes, and a call per shape would not fit in a frame.
  const bars = { filled: new Path2D(), hatched: new Path2D(), open: [] as { x: number; y: number; other: boolean }[] };
  const lines = { [COLOURS.tick]: new Path2D(), [COLOURS.other]: new Path2D(), [COLOURS.marker]: new Path2D() } as Record<string, Path2D>;
  const outlines = { [COLOURS.tick]: new Path2D(), [COLOURS.other]: new Path2D(), [COLOURS.marker]: new Path2D() } as Record<string, Path2D>;
  /** Density blocks by colour and darkness level (1..DENSITY_LEVELS). */
  const blocks = new Map<string, Path2D>();
  const diamonds = { filled: new Path2D(), outline: new Path2D() };
  const warnings = new Path2D();
  // The past: what the app saw recorded (a thin bar under the planned one) and starts that did not happen.
  const actual = new Path2D();
  const crosses = { missed: new Path2D(), 'not-seen': new Path2D() };
  const nowMs = f.nowMs ?? Date.now();
  f.rows.forEach((row, i) => {
    const y = LAYOUT.axis + i * LAYOUT.row;
    for (const b of visibleBars(row.bars, s)) {
      const w = Math.max(2, b.x1 - b.x0);
      const other = b.event.source === 'other';
      (other ? bars.hatched : bars.filled).rect(b.x0 + 0.5, y + 5.5, w - 1, LAYOUT.row - 11);
      if (b.event.endMs == null) bars.open.push({ x: b.x1, y, other });
    }
    for (const m of aggregate(row.ticks, s)) {
      const e = row.ticks[m.first]!;
      const marker = e.kind === 'copy' || e.kind === 'export';
      const colour = m.other ? COLOURS.other : marker ? COLOURS.marker : COLOURS.tick;
      if (m.count === 1 && marker) {
        diamond(m.other ? diamonds.outline : diamonds.filled, m.x0, y + LAYOUT.row / 2, 5);
      } else if (m.count === 1) {
        const x = Math.round(m.x0) + 0.5;
        lines[colour]!.moveTo(x, y + 3);
        lines[colour]!.lineTo(x, y + LAYOUT.row - 3);
      } else {
        // Many events in a few pixels: a block whose darkness grows with the count; the rig's own tasks outlined.
        const w = Math.max(2, m.x1 - m.x0 + 1);
        if (m.other) {
          outlines[colour]!.rect(m.x0 + 0.5, y + 3.5, w - 1, LAYOUT.row - 7);
        } else {
          const level = Math.min(DENSITY_LEVELS, Math.ceil(m.count / 4));
          const key = `${colour}/${level}`;
          let path = blocks.get(key);
          if (!path) blocks.set(key, (path = new Path2D()));
          path.rect(m.x0, y + 3, w, LAYOUT.row - 6);
        }
      }
    }
    for (const w of row.warnings) {
      if (w.atMs < s.fromMs || w.atMs > s.untilMs) continue;
      triangle(warnings, xOf(s, w.atMs), y + 2);
    }
    for (const a of visibleActual(row.actual, s, nowMs)) actual.rect(a.x0, y + LAYOUT.row - 5, Math.max(2, a.x1 - a.x0), 3);
    for (const v of row.verdicts) {
      if (v.verdict === 'ran' || v.atMs < s.fromMs || v.atMs > s.untilMs) continue;
      cross(crosses[v.verdict], xOf(s, v.atMs), y + LAYOUT.row / 2, 5);
    }
  });

  ctx.fillStyle = COLOURS.recording;
  ctx.fill(bars.filled);
  ctx.strokeStyle = COLOURS.recordingEdge;
  ctx.stroke(bars.filled);
  ctx.fillStyle = hatched;
  ctx.fill(bars.hatched);
  ctx.strokeStyle = COLOURS.other;
  ctx.stroke(bars.hatched);
  for (const o of bars.open) {
    // An open recording: an arrow at the edge says it goes on.
    ctx.fillStyle = o.other ? COLOURS.other : COLOURS.recordingEdge;
    ctx.fillText('→', o.x - 12, o.y + LAYOUT.row / 2);
  }
  for (const [key, path] of blocks) {
    const [colour, level] = key.split('/');
    ctx.globalAlpha = 0.3 + (0.7 * Number(level)) / DENSITY_LEVELS;
    ctx.fillStyle = colour!;
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
  for (const [colour, path] of Object.entries(lines)) {
    ctx.strokeStyle = colour;
    ctx.stroke(path);
  }
  ctx.setLineDash([2, 2]);
  for (const [colour, path] of Object.entries(outlines)) {
    ctx.strokeStyle = colour;
    ctx.stroke(path);
  }
  ctx.setLineDash([]);
  ctx.fillStyle = COLOURS.marker;
  ctx.fill(diamonds.filled);
  ctx.strokeStyle = COLOURS.other;
  ctx.stroke(diamonds.outline);
  ctx.fillStyle = COLOURS.warning;
  ctx.fill(warnings);

  if (f.nowMs !== undefined && f.nowMs >= s.fromMs && f.nowMs <= s.untilMs) {
    const x = Math.round(xOf(s, f.nowMs)) + 0.5;
    ctx.strokeStyle = COLOURS.now;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, LAYOUT.axis - 8);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  // Over the "now" line: a recording seen a moment ago must not hide under it.
  ctx.fillStyle = COLOURS.actual;
  ctx.fill(actual);
  ctx.lineWidth = 2;
  ctx.strokeStyle = COLOURS.missed;
  ctx.stroke(crosses.missed);
  ctx.strokeStyle = COLOURS.notSeen;
  ctx.stroke(crosses['not-seen']);
  ctx.lineWidth = 1;
  ctx.restore();
  ctx.strokeStyle = COLOURS.gridMajor;
  ctx.beginPath();
  ctx.moveTo(LAYOUT.header - 0.5, 0);
  ctx.lineTo(LAYOUT.header - 0.5, height);
  ctx.moveTo(0, LAYOUT.axis - 0.5);
  ctx.lineTo(f.width, LAYOUT.axis - 0.5);
  ctx.stroke();
}

function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

function diamond(path: Path2D, x: number, y: number, r: number) {
  path.moveTo(x, y - r);
  path.lineTo(x + r, y);
  path.lineTo(x, y + r);
  path.lineTo(x - r, y);
  path.closePath();
}

function cross(path: Path2D, x: number, y: number, r: number) {
  path.moveTo(x - r, y - r);
  path.lineTo(x + r, y + r);
  path.moveTo(x + r, y - r);
  path.lineTo(x - r, y + r);
}

function triangle(path: Path2D, x: number, y: number) {
  path.moveTo(x - 5, y);
  path.lineTo(x + 5, y);
  path.lineTo(x, y + 8);
  path.closePath();
}
