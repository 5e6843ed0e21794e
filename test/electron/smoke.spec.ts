import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

/**
 * The built Electron app starts: its window opens, the preload bridge answers, the tray is built.
 * Needs `npm run build` and Electron's binary; where the binary is missing this test is skipped.
 */

const root = path.resolve(import.meta.dirname, '../..');

/** Electron's binary, or why there is none; asked in a child as scripts/start.mjs does (requiring electron may download it). */
function electronBinary(): { path: string } | { reason: string } {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  if (r.status === 0 && r.stdout) return { path: r.stdout };
  const output = r.stderr || r.error?.message || '';
  return { reason: output.match(/^Error: (.*)$/m)?.[1]?.trim() ?? (output.trim().split('\n')[0] || 'require("electron") failed') };
}

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

let app: ElectronApplication | undefined;
let base = '';

test.afterEach(async () => {
  await app?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

test('the app opens its window, answers app.info over the preload bridge and builds its tray', async () => {
  const binary = electronBinary();
  test.skip('reason' in binary, `Electron binary not installed here: ${'reason' in binary ? binary.reason : ''}`);
  test.skip(noDisplay, 'No display for Electron here: run under xvfb-run (or set DISPLAY)');
  if (!('path' in binary)) return;
  expect(existsSync(path.join(root, 'dist/main/main.js')), 'dist/main/main.js is missing: run `npm run build` first').toBe(true);

  base = mkdtempSync(path.join(tmpdir(), 'motif-electron-smoke-'));
  app = await electron.launch({
    executablePath: binary.path,
    // `.` is the app as `npm start` runs it: package.json's main, dist/main/main.js.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--user-data-dir=${path.join(base, 'user-data')}`,
      '.',
    ],
    cwd: root,
    env: {
      ...process.env,
      MOTIF_CONTROL_CONFIG_DIR: path.join(base, 'config'),
      // Electron's own userData on Linux; keeps the single-instance lock away from a running app.
      XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    },
    timeout: 60_000,
  });

  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  await expect(window).toHaveTitle('Motif Control');
  await expect
    .poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length))
    .toBe(1);

  const info = await window.evaluate(() => (window as unknown as { motif: { call(name: string, args: object): Promise<unknown> } }).motif.call('app.info', {}));
  expect(info).toMatchObject({ ok: true, value: { name: 'Motif Control', transport: 'electron' } });

  // No API lists trays: look for a live Tray, and for the tray model's own item among live MenuItems.
  const tray = () =>
    app!.evaluate(({ Tray, MenuItem }) => {
      const v8 = process.getBuiltinModule('node:v8');
      return {
        trayExists: v8.queryObjects(Tray, { format: 'count' }) > 0,
        trayMenuBuilt: v8.queryObjects(MenuItem, { format: 'summary' }).some((s) => s.includes("'Start recording on idle rigs'")),
      };
    });
  await expect.poll(tray, { message: 'the tray and its menu from the tray model' }).toEqual({ trayExists: true, trayMenuBuilt: true });
});
