/**
 * The timeline's drawing figures: the window's Timeline component on a page Vite builds from
 * bench/timeline-page, served on 127.0.0.1 and opened in Debian's Chromium.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { RigLane } from '../src-main/core/protocols/outcomes';
import type { BenchPage } from './timeline-page/bench-page';


const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const figures = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, worst ${Math.max(...xs).toFixed(1)} ms`;

// Functions given to page.evaluate run in the page: they name its global object as BenchPage,
// since the bench itself runs in Node without the DOM's types.
export async function benchTimeline(lanes: RigLane[], fromMs: number, untilMs: number): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'motif-timeline-bench-'));
  await build({
    configFile: false, root: path.join(import.meta.dirname, 'timeline-page'), base: './', logLevel: 'error',
    plugins: [react()], build: { outDir, emptyOutDir: true },
  });
  const server = createServer((req, res) => {
    const file = path.join(outDir, path.normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+$/, 'index.html'));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1420, height: 1000 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    const events = lanes.reduce((n, l) => n + l.events.length, 0);
    const first = await page.evaluate(([l, f, u]) => (globalThis as unknown as BenchPage).showTimeline(l, f, u), [JSON.stringify(lanes), fromMs, untilMs] as const);
    console.log(`timeline of ${lanes.length} rigs, ${events} events, one week in view (1400 px wide), Chromium ${browser.version()}:`);
    console.log(`first paint:          ${first.paint.toFixed(0)} ms from the lanes to the drawn frame (reading the lanes' JSON: ${first.parse.toFixed(0)} ms)`);
    const painting = await page.evaluate(([f, u]) => (globalThis as unknown as BenchPage).drawTimes(f, u, 120, false), [fromMs, untilMs] as const);
    console.log(`painting a frame:     ${figures(painting)} on the page's thread (target: under 16 ms)`);
    const drawn = await page.evaluate(([f, u]) => (globalThis as unknown as BenchPage).drawTimes(f, u, 60, true), [fromMs, untilMs] as const);
    console.log(`  and until drawn:    ${figures(drawn)} (waiting for the canvas each frame)`);

    // A pan dragged with the mouse, as a person would: the frames the page gets meanwhile.
    const box = await page.getByTestId('timeline-canvas').boundingBox();
    if (!box) throw new Error('the timeline canvas is not on the page');
    const y = box.y + 60;
    await page.mouse.move(box.x + box.width - 100, y);
    await page.mouse.down();
    await page.evaluate(() => {
      (globalThis as unknown as BenchPage).stopFrames = (globalThis as unknown as BenchPage).recordFrames();
    });
    for (let i = 1; i <= 240; i++) await page.mouse.move(box.x + box.width - 100 - i * 4, y);
    const deltas = await page.evaluate(() => (globalThis as unknown as BenchPage).stopFrames?.() ?? []);
    await page.mouse.up();
    const range = await page.getByTestId('timeline-range').textContent();
    console.log(`frames while panning: ${figures(deltas)} between frames, ${deltas.length} frames (view after the pan: ${range ?? '?'})`);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  }
}
