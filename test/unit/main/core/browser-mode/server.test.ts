import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createAppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { startBrowserServer, type BrowserServer } from '../../../../../src-main/core/browser-mode/server';
import { decodeFrame, encodeFrame } from '../../../../../src-shared/frame-codec';

const base = mkdtempSync(join(tmpdir(), 'motif-static-'));
const staticDir = join(base, 'renderer');
mkdirSync(join(staticDir, 'assets'), { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<h1>app</h1>');
writeFileSync(join(staticDir, 'assets', 'a.js'), 'console.log(1)');
writeFileSync(join(base, 'secret-outside.txt'), 'secret');

const core = createAppCore({ transport: 'browser', log: silentLogger, configDir: mkdtempSync(join(tmpdir(), 'motif-config-')) }) // never the user's own;
let server: BrowserServer;
beforeAll(async () => {
  server = await startBrowserServer({ core, staticDir, token: 'tok-123' });
});
afterAll(async () => {
  await server.close();
});

function get(path: string, host = `127.0.0.1:${server.port}`, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(token: string, origin = `http://127.0.0.1:${server.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { headers: { Origin: origin } });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', reject);
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=tok-123`);
  });

  it('serves the renderer with security headers', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toBe('<h1>app</h1>');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/assets/a.js')).headers['content-type']).toMatch(/javascript/);
    // The page may open a WebSocket to this server's own port, and nowhere else.
    const port = new URL(server.url).port;
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port};`);
    expect(csp).not.toContain('*');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret-outside.txt', '/%2e%2e/secret-outside.txt', '/assets/%2e%2e/%2e%2e/secret-outside.txt']) {
      const r = await get(path);
      expect(r.body).not.toContain('secret');
      expect([403, 404]).toContain(r.status);
    }
  });

  it('refuses foreign Host headers and methods other than GET', async () => {
    expect((await get('/', 'evil.example')).status).toBe(421);
    expect((await get('/', `localhost:${server.port}`)).status).toBe(200);
    expect((await get('/', undefined, 'POST')).status).toBe(405);
  });

  it('answers calls over the WebSocket with the dispatch result', async () => {
    const ws = await connect('tok-123');
    const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(decodeFrame(String(d)))));
    ws.send(encodeFrame({ id: 1, name: 'rigs.list', args: {} }));
    expect(await reply).toEqual({ id: 1, result: { ok: true, value: [] } });
    const bad = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(decodeFrame(String(d)))));
    ws.send(encodeFrame({ id: 2, name: 'nope', args: {} }));
    expect(await bad).toMatchObject({ id: 2, result: { ok: false, error: { code: 'unknown-request' } } });
    ws.close();
  });

  it('pushes core events to connected pages', async () => {
    const ws = await connect('tok-123');
    const pushed = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(decodeFrame(String(d)))));
    core.events.emit('rigs.changed', { rigs: [] });
    expect(await pushed).toEqual({ event: 'rigs.changed', payload: { rigs: [] } });
    ws.close();
  });

  it('refuses an upgrade with a wrong token or a foreign Origin', async () => {
    await expect(connect('wrong')).rejects.toThrow('HTTP 403');
    await expect(connect('tok-123', 'https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = await connect('tok-123');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });
});
