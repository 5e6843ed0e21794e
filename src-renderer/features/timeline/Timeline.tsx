import { ActionIcon, Box, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { RigLane } from '../../../src-main/core/protocols/outcomes';
import { drawTimeline, heightOf, LAYOUT } from './draw-timeline';
import { axisZone, DAY, describeHit, formatRange, hitTest, layoutRows, msOf, pan, startOfDay, verdictSummary, zoom, type Scale } from './timeline-model';
import { TimelineSummary } from './TimelineSummary';

export interface TimelineProps {
  lanes: RigLane[];
  fromMs: number;
  untilMs: number;
  nowMs?: number;
  onRangeChange?(fromMs: number, untilMs: number): void;
}

const PAN_SHARE = 0.25;
const ZOOM_STEP = 1.5;

/**
 * The plan on one canvas: a row per rig and camera, recordings as bars, other events as ticks
 * (merged when dense), copies as markers, warnings and "now"; zoom with the wheel or buttons,
 * pan by dragging, buttons or arrow keys; hover names what is under the pointer.
 */
export function Timeline({ lanes, fromMs, untilMs, nowMs, onRangeChange }: TimelineProps) {
  const summaryId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<[number, number]>([fromMs, untilMs]);
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  const drag = useRef<{ x: number; range: [number, number] } | null>(null);
  const rows = useMemo(() => layoutRows(lanes), [lanes]);
  const zone = useMemo(() => axisZone(lanes), [lanes]);
  const { timeZone } = zone;
  const [from, until] = range;

  useEffect(() => setRange([fromMs, untilMs]), [fromMs, untilMs]);
  const change = useCallback((r: [number, number]) => {
    setRange(r);
    onRangeChange?.(r[0], r[1]);
  }, [onRangeChange]);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setWidth(Math.max(LAYOUT.header + 100, Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // One frame per change, drawn at the screen's pixel density.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const height = heightOf(rows.length);
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(height * dpr);
      }
      const ctx = el.getContext('2d');
      if (ctx) drawTimeline(ctx, { rows, fromMs: from, untilMs: until, nowMs, timeZone, width, dpr });
    });
    return () => cancelAnimationFrame(frame);
  }, [rows, from, until, nowMs, timeZone, width]);

  const scale = (): Scale => ({ fromMs: from, untilMs: until, left: LAYOUT.header, width: width - LAYOUT.header });

  // The wheel zooms around the pointer; React's wheel listener is passive and cannot keep the page still.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      const x = e.offsetX;
      if (x < LAYOUT.header) return;
      e.preventDefault();
      const s: Scale = { fromMs: from, untilMs: until, left: LAYOUT.header, width: width - LAYOUT.header };
      change(zoom(from, until, e.deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, msOf(s, x)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [from, until, width, change]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.nativeEvent.offsetX < LAYOUT.header) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, range };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d) {
      const msPerPx = (d.range[1] - d.range[0]) / (width - LAYOUT.header);
      const next = pan(d.range[0], d.range[1], -(e.clientX - d.x) * msPerPx);
      setRange(next);
      setHover(null);
      return;
    }
    const { offsetX: x, offsetY: y } = e.nativeEvent;
    const row = rows[Math.floor((y - LAYOUT.axis) / LAYOUT.row)];
    const hit = row && y >= LAYOUT.axis && x >= LAYOUT.header ? hitTest(row, scale(), x) : null;
    const lines = hit ? describeHit(hit, timeZone) : row && x < LAYOUT.header && y >= LAYOUT.axis ? headerLines(row) : null;
    setHover(lines && lines.length > 0 ? { x, y, lines } : null);
  };
  const onPointerUp = () => {
    if (drag.current) onRangeChange?.(range[0], range[1]);
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const span = until - from;
    const moves: Record<string, () => [number, number]> = {
      ArrowLeft: () => pan(from, until, -span * PAN_SHARE),
      ArrowRight: () => pan(from, until, span * PAN_SHARE),
      '+': () => zoom(from, until, 1 / ZOOM_STEP),
      '=': () => zoom(from, until, 1 / ZOOM_STEP),
      '-': () => zoom(from, until, ZOOM_STEP),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    change(move());
  };
  const preset = (span: number) => {
    const start = startOfDay(nowMs ?? from, timeZone);
    change([start, start + span]);
  };
  const span = until - from;
  const verdicts = verdictSummary(rows, from, until);

  return (
    <Box ref={box} pos="relative" data-testid="timeline">
      <Group gap="xs" mb={4} wrap="wrap">
        <Button size="compact-xs" variant="default" onClick={() => preset(DAY)}>Day</Button>
        <Button size="compact-xs" variant="default" onClick={() => preset(7 * DAY)}>Week</Button>
        <Tooltip label="Zoom in (+)"><ActionIcon variant="default" size="sm" aria-label="Zoom in" onClick={() => change(zoom(from, until, 1 / ZOOM_STEP))}>+</ActionIcon></Tooltip>
        <Tooltip label="Zoom out (-)"><ActionIcon variant="default" size="sm" aria-label="Zoom out" onClick={() => change(zoom(from, until, ZOOM_STEP))}>−</ActionIcon></Tooltip>
        <Tooltip label="Earlier (←)"><ActionIcon variant="default" size="sm" aria-label="Earlier" onClick={() => change(pan(from, until, -span * PAN_SHARE))}>‹</ActionIcon></Tooltip>
        <Tooltip label="Later (→)"><ActionIcon variant="default" size="sm" aria-label="Later" onClick={() => change(pan(from, until, span * PAN_SHARE))}>›</ActionIcon></Tooltip>
        <Text size="xs" c="dimmed" data-testid="timeline-range">{formatRange(from, until, timeZone)}</Text>
        <Text size="xs" c="dimmed" data-testid="timeline-zone">{zone.words}</Text>
        {verdicts !== null && <Text size="xs" data-testid="timeline-verdicts">{verdicts}</Text>}
      </Group>
      <canvas
        ref={canvas}
        role="img"
        tabIndex={0}
        aria-label="Timeline of the planned events; arrow keys pan, + and - zoom."
        aria-describedby={summaryId}
        data-testid="timeline-canvas"
        style={{ width, height: heightOf(rows.length), display: 'block', cursor: drag.current ? 'grabbing' : 'grab', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      />
      {hover && (
        <Paper shadow="sm" p={6} withBorder data-testid="timeline-tooltip"
          style={{ position: 'absolute', left: Math.min(hover.x + 12, width - 320), top: hover.y + 40, pointerEvents: 'none', zIndex: 2, maxWidth: 320 }}>
          {hover.lines.map((l) => <Text key={l} size="xs">{l}</Text>)}
        </Paper>
      )}
      <TimelineSummary id={summaryId} rows={rows} fromMs={from} untilMs={until} zone={zone} />
    </Box>
  );
}

/** A row header's hover: why the rig could not be read, and warnings without a time. */
const headerLines = (row: { label: string; error?: string; notes: { message: string }[] }): string[] =>
  [...(row.error ? [row.error] : []), ...row.notes.map((n) => `Warning: ${n.message}`)];
