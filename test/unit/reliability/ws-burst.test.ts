/**
 * Reliability: 100 pages connect to browser mode (its own process) and each sends one 15.5 MB
 * request at once. Process-wide limits hold: connections beyond the limit are refused at the
 * upgrade with "busy" in words, requests beyond the bytes the process holds wait (TCP pushes
 * back on their pages) or are answered "busy", no request goes unanswered, the process lives,
 * and after a few seconds idle its memory is back near its baseline. The process prints its
 * memory (children/print-memory.mjs), so the figures say where what is kept is.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import { BROWSER_TOKEN, pageClient, startBrowserMode, type BrowserModeProcess, type PageClient } from './browser-mode-process';
import { CHILDREN } from './run-child';

const PAGES = 100;
let browser: BrowserModeProcess;
beforeAll(async () => {
  browser = await startBrowserMode({ env: { NODE_OPTIONS: `--import ${CHILDREN}/print-memory.mjs` } });
}, 60_000);
afterAll(async () => {
  await browser?.stop();
});

/** Connects as a page; a refused upgrade gives its status and words instead. */
async function connect(port: number): Promise<PageClient | { refused: number; words: string }> {
  try {
    return await pageClient(port);
  } catch {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${BROWSER_TOKEN}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
      ws.on('unexpected-response', (_req, res) => {
        let words = '';
        res.on('data', (d: Buffer) => (words += d));
        res.on('end', () => resolve({ refused: res.statusCode ?? 0, words }));
      });
      ws.on('error', () => resolve({ refused: 0, words: 'error' }));
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The process's last memory line (see children/print-memory.mjs). */
const memoryLine = () => browser.output().split('\n').filter((l) => l.startsWith('memory ')).at(-1)?.slice('memory '.length) ?? '?';
/** Idle time after the burst before memory is read: the core collects a second after it goes idle. */
const SETTLE_MS = 5000;

describe('reliability: a burst of large requests from many pages', () => {
  it('holds process-wide limits on connections and bytes held, and hands the memory back after', async () => {
    await sleep(1000);
    const baseline = browser.rssMb();
    const baselineLine = memoryLine();
    const attempts = await Promise.all(Array.from({ length: PAGES }, () => connect(browser.port)));
    const pages = attempts.filter((a): a is PageClient => 'call' in a);
    const refused = attempts.filter((a): a is { refused: number; words: string } => 'refused' in a);
    // One request of 15.5 MB each, all at once: a protocol import of text that is not a protocol.
    const text = 'x'.repeat(15.5 * 1024 * 1024);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, browser.rssMb())), 50);
    const answers: Result<unknown>[] = await Promise.all(pages.map((p) => p.call('protocols.import', { text })));
    clearInterval(sampler);
    const busy = answers.filter((r) => !r.ok && r.error.details?.reason === 'busy');
    const run = answers.filter((r) => !(!r.ok && r.error.details?.reason === 'busy'));
    for (const p of pages) p.close();
    // Memory handed back: read after a few seconds idle.
    await sleep(SETTLE_MS);
    const after = browser.rssMb();
    const afterLine = memoryLine();
    const other = await pageClient(browser.port);
    const info = await other.call('app.info', {});
    other.close();
    console.log(
      `ws burst: ${PAGES} pages, connected ${pages.length}, refused at connect ${refused.length} (${refused[0]?.refused ?? '-'} "${refused[0]?.words.trim().slice(0, 60) ?? ''}…"), ` +
        `15.5 MB requests answered ${answers.length} (run ${run.length}, busy ${busy.length}), unanswered ${pages.length - answers.length}; ` +
        `RSS ${baseline} MB -> peak ${peak} MB -> ${after} MB after ${SETTLE_MS / 1000} s idle (kept ${after - baseline} MB); ` +
        `process memory (MB) before: ${baselineLine}; after: ${afterLine}; ${browser.alive() ? 0 : 1} crashes`,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.refused === 503 && /^Busy: \d+ windows are connected/.test(r.words))).toBe(true);
    // Every request is answered: run, or "busy" in words (the unit tests hold the busy answer to a small budget).
    for (const b of busy) expect(b.ok ? '' : b.error.message).toMatch(/^Motif Control is busy/);
    expect(answers).toHaveLength(pages.length);
    expect(info.ok).toBe(true);
    expect(browser.alive()).toBe(true);
    // Before requests still arriving were bounded: peak 930-940 MB above the baseline; since, 440-490.
    expect(peak - baseline).toBeLessThan(800);
    // Kept after a few seconds idle: 340-600 MB before (ws's read buffers and request text
    // never collected); since, 130-180 MB, with the heap back at its baseline: what is left is
    // freed memory the allocator keeps (and, some runs, request text not yet let go).
    expect(after - baseline).toBeLessThan(300);
  }, 120_000);
});
