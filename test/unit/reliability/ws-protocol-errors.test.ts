/**
 * Reliability: WebSocket protocol errors, sent as raw frames to browser mode running as its
 * own process, close only their own connection (with their close code); the process lives
 * on and answers a normal page. Large requests: answered up to the limit, refused in words
 * beyond it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WS_LIMITS } from '../../../src-main/core/browser-mode/ws-transport';
import { protocolErrors, rawConnect } from '../main/core/browser-mode/raw-websocket';
import { BROWSER_TOKEN, pageClient, startBrowserMode, type BrowserModeProcess } from './browser-mode-process';

const ROUNDS = 2;
let browser: BrowserModeProcess;
beforeAll(async () => {
  browser = await startBrowserMode();
}, 60_000);
afterAll(async () => {
  await browser?.stop();
});

describe('reliability: WebSocket protocol errors against browser mode', () => {
  it('closes each offending connection with its close code, never crashes, and answers another page', async () => {
    const page = await pageClient(browser.port);
    const kinds = protocolErrors(DEFAULT_WS_LIMITS.frameBytes);
    let sent = 0;
    let closedRight = 0;
    let crashes = 0;
    let otherAnswered = 0;
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { kind, bytes, closeCode } of kinds) {
        const raw = await rawConnect(browser.port, BROWSER_TOKEN);
        raw.socket.write(bytes);
        sent++;
        const closed = await raw.closed;
        if (closed.code === closeCode) closedRight++;
        else wrong.push(`${kind}: ${closed.code}`);
        if (!browser.alive()) {
          crashes++;
          break;
        }
        if ((await page.call('cron.explain', { expression: '0 0 6 * * *', count: 3 })).ok) otherAnswered++;
      }
      if (crashes > 0) break;
    }
    console.log(
      `ws protocol errors: ${sent} sent (${kinds.length} kinds x ${ROUNDS}), ${crashes} crashes, ` +
        `${closedRight} closed with their close code, other client answered ${otherAnswered} of ${sent}`,
    );
    expect(crashes).toBe(0);
    expect(wrong).toEqual([]);
    expect(closedRight).toBe(kinds.length * ROUNDS);
    expect(otherAnswered).toBe(sent);
    expect(browser.output()).not.toMatch(/Unhandled 'error' event/);
    page.close();
  });

  it('answers a large rig import, refuses a too-large request in words on the same connection, and lives on', async () => {
    const page = await pageClient(browser.port);
    const rigList = (bytes: number) => ({
      format: 'motif-control-rigs',
      formatVersion: 1,
      rigs: Array.from({ length: Math.ceil(bytes / 2000) }, (_, i) => ({ name: `Arena ${i}`, host: `10.1.${Math.floor(i / 250)}.${i % 250}`, notes: 'n'.repeat(2000) })),
    });
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const large = rigList(4.5 * 1024 * 1024); // over the 4 MB that used to end the process
    const imported = await page.call('rigs.import', { document: large, dryRun: true });
    const tooLargeBytes = DEFAULT_WS_LIMITS.requestBytes + 2 * 1024 * 1024;
    const refused = await page.call('rigs.import', { document: rigList(tooLargeBytes), dryRun: true });
    const after = await page.call('rigs.list', {});
    const reason = refused.ok ? 'answered' : String(refused.error.details?.reason);
    console.log(
      `ws large messages: ${mb(JSON.stringify(large).length)} MB import ${imported.ok ? 'answered' : 'failed'}, ` +
        `${mb(tooLargeBytes)} MB request refused (${reason}), connection ${after.ok ? 'kept' : 'lost'}, ${browser.alive() ? 0 : 1} crashes`,
    );
    expect(imported).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-args', details: { reason: 'too-large' } } });
    expect(after).toMatchObject({ ok: true });
    expect(browser.alive()).toBe(true);
    page.close();
  }, 60_000);
});
