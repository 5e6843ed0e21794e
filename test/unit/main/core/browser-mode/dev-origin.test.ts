import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createAppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { isLoopbackOrigin } from '../../../../../src-main/core/browser-mode/access-check';
import { startBrowserServer, type BrowserServer } from '../../../../../src-main/core/browser-mode/server';

/** `npm run dev`: Vite serves the page and proxies /ws, so the core also accepts Vite's origin, token still required. */
const staticDir = join(mkdtempSync(join(tmpdir(), 'motif-dev-origin-')), 'renderer');
mkdirSync(staticDir);
writeFileSync(join(staticDir, 'index.html'), '<h1>app</h1>');

const VITE = 'http://127.0.0.1:5173';
const core = createAppCore({ transport: 'browser', log: silentLogger, configDir: mkdtempSync(join(tmpdir(), 'motif-config-')) }) // never the user's own;
let server: BrowserServer;
beforeAll(async () => {
  server = await startBrowserServer({ core, staticDir, token: 'tok-dev-123', devOrigin: VITE });
});
afterAll(async () => {
  await server.close();
  await core.close();
});

function upgrade(token: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { headers: { Origin: origin } });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    ws.on('error', () => resolve('error'));
  });
}

describe('browser mode with a dev origin', () => {
  it("accepts the dev origin's WebSocket with the token, and its own origin as before", async () => {
    expect(await upgrade('tok-dev-123', VITE)).toBe('open');
    expect(await upgrade('tok-dev-123', `http://127.0.0.1:${server.port}`)).toBe('open');
  });

  it('still refuses a wrong token from the dev origin, and any other origin', async () => {
    expect(await upgrade('wrong', VITE)).toBe('HTTP 403');
    expect(await upgrade('tok-dev-123', 'http://127.0.0.1:5174')).toBe('HTTP 403');
    expect(await upgrade('tok-dev-123', 'http://evil.example')).toBe('HTTP 403');
  });

  it('takes only a plain http loopback origin with a port', async () => {
    expect(isLoopbackOrigin('http://127.0.0.1:5173')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:5173')).toBe(true);
    for (const bad of ['http://127.0.0.1', 'https://127.0.0.1:5173', 'http://evil.example:5173', 'http://127.0.0.1:5173/', 'nonsense']) {
      expect(isLoopbackOrigin(bad)).toBe(false);
    }
    await expect(startBrowserServer({ core, staticDir, devOrigin: 'http://evil.example:80' })).rejects.toThrow(/loopback/);
  });
});
