import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Result } from '../../../../../src-main/contract/errors';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { startBrowserServer, type BrowserServer } from '../../../../../src-main/core/browser-mode/server';
import { DEFAULT_WS_LIMITS, type WsLimits } from '../../../../../src-main/core/browser-mode/ws-transport';
import { decodeFrame, encodeFrame } from '../../../../../src-shared/frame-codec';
import { protocolErrors, rawConnect, textFrame } from './raw-websocket';

const staticDir = join(mkdtempSync(join(tmpdir(), 'motif-ws-limits-')), 'renderer');
mkdirSync(staticDir);
writeFileSync(join(staticDir, 'index.html'), '<h1>app</h1>');
const TOKEN = 'tok-limits-123';
const core = createAppCore({ transport: 'browser', log: silentLogger, configDir: mkdtempSync(join(tmpdir(), 'motif-ws-core-')) });

/** Requests named 'test.slow' wait until released; everything else goes to the real dispatch. */
class GatedCore {
  readonly waiting: { id: unknown; release: () => void }[] = [];
  running = 0;
  maxRunning = 0;
  readonly core: AppCore = {
    ...core,
    dispatch: async (name: unknown, args: unknown) => {
      if (name !== 'test.slow') return core.dispatch(name, args);
      this.running++;
      this.maxRunning = Math.max(this.maxRunning, this.running);
      await new Promise<void>((release) => this.waiting.push({ id: (args as { n?: unknown }).n, release }));
      this.running--;
      return { ok: true, value: (args as { n?: unknown }).n } as Result<never>;
    },
  };
  releaseAll(): void {
    for (const w of this.waiting.splice(0)) w.release();
  }
}

const servers: BrowserServer[] = [];
async function serve(gated: GatedCore | null, limits?: Partial<WsLimits>): Promise<BrowserServer> {
  const server = await startBrowserServer({ core: gated?.core ?? core, staticDir, token: TOKEN, log: silentLogger, ...(limits ? { limits } : {}) });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await core.close();
});

interface Client {
  ws: WebSocket;
  call(name: string, args: unknown): Promise<Result<unknown>>;
  replies: Map<number, Result<unknown>>;
}

function client(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${TOKEN}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
    const pending = new Map<number, (r: Result<unknown>) => void>();
    const replies = new Map<number, Result<unknown>>();
    let nextId = 1;
    ws.on('message', (data) => {
      const frame = decodeFrame(String(data)) as { id?: number; result?: Result<unknown> };
      if (typeof frame.id !== 'number' || !frame.result) return;
      replies.set(frame.id, frame.result);
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        replies,
        call: (name, args) => {
          const id = nextId++;
          ws.send(encodeFrame({ id, name, args }));
          return new Promise((r) => pending.set(id, r));
        },
      }),
    );
  });
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('browser mode WebSocket: protocol errors', () => {
  it('closes only the offending connection, with the close code of each of the six errors, and goes on serving', async () => {
    const server = await serve(null);
    const other = await client(server.port);
    for (const { kind, bytes, closeCode } of protocolErrors(DEFAULT_WS_LIMITS.frameBytes)) {
      const raw = await rawConnect(server.port, TOKEN);
      raw.socket.write(bytes);
      const closed = await raw.closed;
      expect({ kind, code: closed.code }).toEqual({ kind, code: closeCode });
      expect(await other.call('rigs.list', {})).toMatchObject({ ok: true });
    }
    other.ws.close();
  });

  it('cuts a connection it closed (a malformed request) within seconds when the peer never answers the close', async () => {
    const server = await serve(null);
    const raw = await rawConnect(server.port, TOKEN, { stayOnClose: true });
    const sentAt = performance.now();
    raw.socket.write(textFrame('not json'));
    const closed = await raw.closed;
    expect(closed.code).toBe(1003);
    expect(performance.now() - sentAt).toBeLessThan(5000);
  });

  it('answers a request path that is no URL with 400, over HTTP and for an upgrade', async () => {
    const server = await serve(null);
    const status = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('//')).toBe(400);
    expect(await status('//', { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'x', 'Sec-WebSocket-Version': '13' })).toBe(400);
    expect(await status('/')).toBe(200);
  });
});

describe('browser mode WebSocket: one connection cannot starve another', () => {
  it('runs at most `inFlight` requests of a connection at once, the rest in turn, and answers another connection meanwhile', async () => {
    const gated = new GatedCore();
    const server = await serve(gated, { inFlight: 4 });
    const flood = await client(server.port);
    const answers = Array.from({ length: 40 }, (_, n) => flood.call('test.slow', { n }));
    await until(() => gated.waiting.length === 4);
    await new Promise((r) => setTimeout(r, 50));
    expect(gated.running).toBe(4);
    const other = await client(server.port);
    const started = performance.now();
    expect(await other.call('app.info', {})).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(2000);
    while (gated.waiting.length > 0 || flood.replies.size < 40) {
      gated.releaseAll();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await Promise.all(answers)).map((r) => (r.ok ? r.value : r.error.code))).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(gated.maxRunning).toBe(4);
    flood.ws.close();
    other.ws.close();
  });

  it('answers busy at once beyond the queue, and every request exactly once', async () => {
    const gated = new GatedCore();
    const server = await serve(gated, { inFlight: 2, queued: 3 });
    const raw = await rawConnect(server.port, TOKEN);
    // All twelve in one write, so the server reads them at once.
    raw.socket.write(Buffer.concat(Array.from({ length: 12 }, (_, n) => textFrame(encodeFrame({ id: n, name: 'test.slow', args: { n } })))));
    const replies = () => raw.frames.map((f) => decodeFrame(f.payload.toString()) as { id: number; result: Result<unknown> });
    await until(() => replies().length === 7);
    const busy = replies();
    expect(busy.map((r) => r.id)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    for (const r of busy) {
      expect(r.result).toMatchObject({ ok: false, error: { code: 'invalid-args', details: { reason: 'busy' } } });
      if (!r.result.ok) expect(r.result.error.message).toMatch(/too many requests at once/i);
    }
    while (replies().length < 12) {
      gated.releaseAll();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(replies().slice(7).map((r) => r.result)).toEqual([0, 1, 2, 3, 4].map((n) => ({ ok: true, value: n })));
    expect(gated.maxRunning).toBe(2);
    raw.socket.destroy();
  });
});

describe('browser mode WebSocket: large messages', () => {
  const rigList = (bytes: number) => {
    const notes = 'n'.repeat(2000);
    const rigs = Array.from({ length: Math.ceil(bytes / 2000) }, (_, i) => ({ name: `Arena ${i}`, host: `10.0.${Math.floor(i / 250)}.${i % 250}`, notes }));
    return { format: 'motif-control-rigs', formatVersion: 1, rigs };
  };

  it('answers a 5 MB rig import (over the old 4 MB frame limit)', async () => {
    const server = await serve(null);
    const c = await client(server.port);
    const document = rigList(5 * 1024 * 1024);
    expect(encodeFrame(document).length).toBeGreaterThan(5 * 1024 * 1024);
    const r = await c.call('rigs.import', { document, dryRun: true });
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && (r.value as { added: unknown[] }).added).toHaveLength(document.rigs.length);
    c.ws.close();
  }, 60_000);

  it('refuses a request over the limit with a clear error to that request, keeps the connection, and closes on a frame over the frame limit', async () => {
    const server = await serve(null, { requestBytes: 1024 * 1024, frameBytes: 2 * 1024 * 1024 });
    const c = await client(server.port);
    expect(await c.call('rigs.import', { document: rigList(900 * 1024), dryRun: true })).toMatchObject({ ok: true });
    const tooLarge = await c.call('rigs.import', { document: rigList(1536 * 1024), dryRun: true });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'invalid-args', details: { reason: 'too-large', limitBytes: 1024 * 1024 } } });
    if (!tooLarge.ok) expect(tooLarge.error.message).toMatch(/1\.\d MB.*over the 1 MB/);
    expect(await c.call('rigs.list', {})).toMatchObject({ ok: true });
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    c.ws.send(encodeFrame({ id: 99, name: 'rigs.import', args: { document: rigList(3 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const again = await client(server.port);
    expect(await again.call('rigs.list', {})).toMatchObject({ ok: true });
    again.ws.close();
  }, 60_000);

  it('answers "busy" in words to a request over the bytes the process holds, and runs it once there is room', async () => {
    const gated = new GatedCore();
    const server = await serve(gated, { totalBytes: 3 * 1024 * 1024 });
    const pad = 'p'.repeat(1.2 * 1024 * 1024);
    const [a, b, c] = await Promise.all([client(server.port), client(server.port), client(server.port)]);
    const held = [a!.call('test.slow', { n: 1, pad }), b!.call('test.slow', { n: 2, pad })];
    await until(() => gated.waiting.length === 2);
    const refused = await c!.call('test.slow', { n: 3, pad });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-args', details: { reason: 'busy' } } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Motif Control is busy: the windows connected to it have 2 MB of requests waiting, near the 3 MB/);
    // A small request is not held up by the large ones.
    expect(await c!.call('rigs.list', {})).toMatchObject({ ok: true });
    gated.releaseAll();
    expect((await Promise.all(held)).map((r) => r.ok)).toEqual([true, true]);
    const again = c!.call('test.slow', { n: 3, pad });
    await until(() => gated.waiting.length === 1);
    gated.releaseAll();
    expect(await again).toEqual({ ok: true, value: 3 });
    for (const x of [a, b, c]) x!.ws.close();
  });

  it('answers every large request of many pages sending at once over the bytes the process holds, none left waiting', async () => {
    const server = await serve(null, { totalBytes: 2 * 1024 * 1024 });
    const pages = await Promise.all(Array.from({ length: 8 }, () => client(server.port)));
    // 1 MB each, 8 MB at once, in a process that holds 2 MB: most wait their turn to be read.
    const text = 'x'.repeat(1024 * 1024);
    const answers = await Promise.all(pages.map((p) => p.call('protocols.import', { text })));
    expect(answers).toHaveLength(8);
    for (const r of answers) expect(r.ok ? 'ran' : r.error.details?.reason === 'busy' ? 'busy' : r.error.code).toMatch(/^(ran|busy|invalid-args)$/);
    expect(answers.filter((r) => !r.ok && r.error.details?.reason !== 'busy').length).toBeGreaterThan(0);
    // Every page is read again after: none was left paused.
    expect((await Promise.all(pages.map((p) => p.call('rigs.list', {})))).every((r) => r.ok)).toBe(true);
    for (const p of pages) p.ws.close();
  });
});
