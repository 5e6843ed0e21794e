import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../../../src-main/contract/channels';
import { makeFakeElectron } from './fake-electron';

let fake = makeFakeElectron();
// Getters: each test gets a fresh fake while the mocked module object stays the same.
vi.mock('electron', () => ({
  // electron-store (the rig config) takes the default export.
  get default() {
    return fake.module;
  },
  get app() {
    return fake.module.app;
  },
  get BrowserWindow() {
    return fake.module.BrowserWindow;
  },
  get ipcMain() {
    return fake.module.ipcMain;
  },
  get Tray() {
    return fake.module.Tray;
  },
  get Menu() {
    return fake.module.Menu;
  },
  get nativeImage() {
    return fake.module.nativeImage;
  },
  get Notification() {
    return fake.module.Notification;
  },
}));

beforeEach(() => {
  vi.resetModules();
  fake = makeFakeElectron();
});

async function launch() {
  await import('../../../../src-main/shell/main');
  fake.becomeReady();
  await fake.ready;
  await new Promise((r) => setImmediate(r));
}

describe('Electron shell', () => {
  it('registers the request handler and opens one locked-down window on the built renderer', async () => {
    await launch();
    expect(fake.handlers.has(CALL_CHANNEL)).toBe(true);
    expect(fake.module.app.sandboxEnabled).toBe(true);
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\/preload\.cjs$/);
    expect(win.loaded).toMatch(/renderer\/index\.html$/);
  });

  it('refuses navigation away from the renderer and new windows', async () => {
    await launch();
    const contents = fake.windows[0]!.webContents;
    const index = `file://${fake.windows[0]!.loaded}`;
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', `${index}#/rigs`)).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers our window and refuses any other sender', async () => {
    await launch();
    const handler = fake.handlers.get(CALL_CHANNEL)!;
    const win = fake.windows[0]!;
    const ours = { sender: win.webContents, senderFrame: { url: `file://${win.loaded}` } };
    expect(await handler(ours, 'rigs.list', {})).toEqual({ ok: true, value: [] });
    const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } };
    expect(await handler(foreign, 'rigs.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherContents = { sender: {}, senderFrame: { url: `file://${win.loaded}` } };
    expect(await handler(otherContents, 'rigs.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.denyLock();
    await launch();
    expect(fake.module.app.quitCalled).toBe(true);
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
  });

  it('focuses the existing window on a second launch instead of opening another', async () => {
    await launch();
    fake.appEvents.emit('second-instance');
    expect(fake.windows).toHaveLength(1);
  });

  it('puts a tray icon up whose menu can show the window and quit', async () => {
    await launch();
    expect(fake.trays).toHaveLength(1);
    const tray = fake.trays[0]!;
    await new Promise((r) => setTimeout(r, 20));
    const menu = tray.menu as { label?: string; enabled?: boolean; click?: () => void }[];
    expect(menu[0]).toMatchObject({ label: 'No rigs configured', enabled: false });
    expect(tray.tooltip).toBe('Motif Control: No rigs configured');
    expect(tray.image).toEqual({ path: expect.stringMatching(/assets\/tray-idle\.png$/) });
    menu.find((i) => i.label === 'Quit')!.click!();
    expect(fake.module.app.quitCalled).toBe(true);
  });
});
