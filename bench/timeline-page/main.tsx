import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { createRoot } from 'react-dom/client';
import type { BenchPage } from './bench-page';
import type { RigLane } from '../../src-main/core/protocols/outcomes';
import { drawTimeline } from '../../src-renderer/features/timeline/draw-timeline';
import { Timeline } from '../../src-renderer/features/timeline/Timeline';
import { axisZone, layoutRows } from '../../src-renderer/features/timeline/timeline-model';

/** The window's Timeline component alone, given lanes by the bench (bench/protocols.ts drives it). */

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));


let lanes: RigLane[] = [];

const showTimeline: BenchPage['showTimeline'] = async (lanesJson, fromMs, untilMs) => {
  const parsing = performance.now();
  lanes = JSON.parse(lanesJson) as RigLane[];
  const started = performance.now();
  createRoot(document.getElementById('root')!).render(
    <MantineProvider>
      <Timeline lanes={lanes} fromMs={fromMs} untilMs={untilMs} nowMs={fromMs + 36 * 3_600_000} />
    </MantineProvider>,
  );
  // The component draws in the frame after it commits; the frame after that is on screen.
  await frame();
  await frame();
  await frame();
  return { parse: started - parsing, paint: performance.now() - started };
};

const recordFrames: BenchPage['recordFrames'] = () => {
  const deltas: number[] = [];
  let last = 0;
  let on = true;
  const tick = (t: number) => {
    if (last > 0) deltas.push(t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    return deltas;
  };
};

/** The painting alone, frame after frame of a pan across the period, on a canvas like the component's. */
const drawTimes: BenchPage['drawTimes'] = (fromMs, untilMs, frames, readBack) => {
  const rows = layoutRows(lanes);
  const { timeZone } = axisZone(lanes); // as the component chooses it
  const canvas = document.createElement('canvas');
  const width = 1380;
  canvas.width = width * devicePixelRatio;
  canvas.height = (30 + rows.length * 28) * devicePixelRatio;
  const ctx = canvas.getContext('2d')!;
  const step = (untilMs - fromMs) / 4 / frames;
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    const started = performance.now();
    drawTimeline(ctx, { rows, fromMs: fromMs + i * step, untilMs: untilMs + i * step, nowMs: undefined, timeZone, width, dpr: devicePixelRatio });
    if (readBack) ctx.getImageData(0, 0, 1, 1); // waits until the canvas has drawn the frame
    times.push(performance.now() - started);
  }
  return times;
};

Object.assign(window, { showTimeline, recordFrames, drawTimes } satisfies BenchPage);
