import { aggregate, chooseTicks, visibleBars, xOf, type Row, type Scale } from './timeline-model';

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
} as const;

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
  for (const t of chooseTicks(s).ticks) {
    const x = Math.round(xOf(s, t.ms)) + 0.5;
    ctx.strokeStyle = t.major ? COLOURS.gridMajor : COLOURS.grid;
    ctx.beginPath();
    ctx.moveTo(x, LAYOUT.axis - 6);
    ctx.lineTo(x, height);
    ctx.stroke();
    ctx.fillStyle = t.major ? COLOURS.text : COLOURS.dim;
    ctx.fillText(t.label, x + 3, LAYOUT.axis / 2 - 2);
  }

  f.rows.forEach((row, i) => {
    const y = LAYOUT.axis + i * LAYOUT.row;
    for (const b of visibleBars(row.bars, s)) {
      const w = Math.max(2, b.x1 - b.x0);
      const other = b.event.source === 'other';
      ctx.fillStyle = other ? hatched : COLOURS.recording;
      ctx.fillRect(b.x0, y + 5, w, LAYOUT.row - 10);
      ctx.strokeStyle = other ? COLOURS.other : COLOURS.recordingEdge;
      ctx.strokeRect(b.x0 + 0.5, y + 5.5, w - 1, LAYOUT.row - 11);
      if (b.event.endMs == null) {
        // An open recording: an arrow at the edge says it goes on.
        ctx.fillStyle = ctx.strokeStyle;
        ctx.fillText('→', b.x1 - 12, y + LAYOUT.row / 2);
      }
    }
    for (const m of aggregate(row.ticks, s)) {
      const e = row.ticks[m.first]!;
      const colour = m.other ? COLOURS.other : e.kind === 'copy' || e.kind === 'export' ? COLOURS.marker : COLOURS.tick;
      if (m.count === 1 && (e.kind === 'copy' || e.kind === 'export')) {
        diamond(ctx, m.x0, y + LAYOUT.row / 2, 5, colour, m.other);
      } else if (m.count === 1) {
        ctx.strokeStyle = colour;
        ctx.beginPath();
        ctx.moveTo(Math.round(m.x0) + 0.5, y + 3);
        ctx.lineTo(Math.round(m.x0) + 0.5, y + LAYOUT.row - 3);
        ctx.stroke();
      } else {
        // Many events in a few pixels: a block whose darkness grows with the count.
        ctx.globalAlpha = Math.min(1, 0.35 + m.count / 20);
        ctx.fillStyle = colour;
        const w = Math.max(2, m.x1 - m.x0 + 1);
        if (m.other) ctx.strokeRect(m.x0 + 0.5, y + 3.5, w - 1, LAYOUT.row - 7);
        else ctx.fillRect(m.x0, y + 3, w, LAYOUT.row - 6);
        ctx.globalAlpha = 1;
      }
    }
    for (const w of row.warnings) {
      if (w.atMs < s.fromMs || w.atMs > s.untilMs) continue;
      triangle(ctx, xOf(s, w.atMs), y + 2, COLOURS.warning);
    }
  });

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

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, colour: string, outline: boolean) {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  if (outline) {
    ctx.strokeStyle = colour;
    ctx.stroke();
  } else {
    ctx.fillStyle = colour;
    ctx.fill();
  }
}

function triangle(ctx: CanvasRenderingContext2D, x: number, y: number, colour: string) {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(x - 5, y);
  ctx.lineTo(x + 5, y);
  ctx.lineTo(x, y + 8);
  ctx.closePath();
  ctx.fill();
}
