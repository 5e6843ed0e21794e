import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { startBrowserMode, type RunningApp } from './browser-mode-app';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

let app: RunningApp;
test.beforeAll(async () => {
  app = await startBrowserMode();
});
test.afterAll(async () => {
  await app.stop();
});

test('the window shows the app version and the empty rig list, fetched over the bridge', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Motif Control' })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(`version ${version}`);
  await expect(page.getByText('browser mode', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rigs' })).toBeVisible();
  await expect(page.getByTestId('rigs-empty')).toHaveText('No rigs configured yet.');
  await page.screenshot({ path: 'test-results/foundation-empty.png', fullPage: true });
});

test('a page opened without the token is refused and says so', async ({ page }) => {
  await page.goto(app.origin + '/');
  await expect(page.getByRole('alert').filter({ hasText: 'refused this page' }).first()).toBeVisible();
  await expect(page.getByTestId('rigs-empty')).toHaveCount(0);
});

/** Open a WebSocket from Node with chosen headers; resolves with the HTTP status of a refusal or 101. */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Origin: origin } });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });
}

test('the WebSocket is refused without the token, with a wrong token, or from another Origin', async () => {
  const ws = (token: string) => `ws://127.0.0.1:${new URL(app.origin).port}/ws?token=${token}`;
  expect(await upgradeStatus(ws(app.token), app.origin)).toBe(101);
  expect(await upgradeStatus(ws(''), app.origin)).toBe(403);
  expect(await upgradeStatus(ws(app.token.slice(0, -1) + 'x'), app.origin)).toBe(403);
  expect(await upgradeStatus(ws(app.token), 'http://evil.example')).toBe(403);
  expect(await upgradeStatus(ws(app.token), 'http://127.0.0.1:1')).toBe(403);
});

test('a request with a foreign Host header is refused (DNS rebinding)', async ({ request }) => {
  const res = await request.get(app.origin + '/', { headers: { Host: 'rebind.example:80' } });
  expect(res.status()).toBe(421);
});

test('an open tab reconnects by itself when browser mode comes back on the same folder, and reads everything again', async ({ page }) => {
  const configDir = mkdtempSync(path.join(tmpdir(), 'motif-reconnect-'));
  const env = { MOTIF_CONTROL_CONFIG_DIR: configDir };
  const first = await startBrowserMode([], env);
  await page.goto(first.url);
  await expect(page.getByRole('status', { name: 'Connection: connected' })).toBeVisible();
  await expect(page.getByTestId('rigs-empty')).toBeVisible();
  await first.stop();
  await expect(page.getByRole('alert', { name: /Connection: disconnected/ })).toBeVisible();
  // The same folder keeps its port and token: the address the tab holds is valid again.
  const port = new URL(first.origin).port;
  const second = await startBrowserMode(['--port', port], env);
  try {
    expect(second.token).toBe(first.token);
    await expect(page.getByRole('status', { name: 'Connection: connected' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('rigs-empty')).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(`version ${version}`);
  } finally {
    await second.stop();
  }
});
