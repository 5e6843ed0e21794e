import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../../../src-main/contract/channels';
import type * as AppCoreModule from '../../../../src-main/core/app-core';
import type * as TrayPresence from '../../../../src-main/shell/tray-presence';
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
  get session() {
    return fake.module.session;
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
  get globalShortcut() {
    return fake.module.globalShortcut;
  },
  get dialog() {
    return fake.module.dialog;
  },
  get shell() {
    return fake.module.shell;
  },
  get screen() {
    return fake.module.screen;
  },
  get nativeTheme() {
    return fake.module.nativeTheme;
  },
}));

// Whether the desktop shows tray icons is asked of D-Bus; here it cannot be told, as on a desktop without gdbus.
vi.mock('../../../../src-main/shell/tray-presence', async (importOriginal) => ({
  ...(await importOriginal<typeof TrayPresence>()),
  hasStatusNotifierWatcher: () => Promise.resolve(null),
}));

// Under test is the shell's own choice of folder: Electron's userData, which the fake puts in a temporary folder.
delete process.env.MOTIF_CONTROL_CONFIG_DIR;

/** The real cores, each with its close() watched: a clean quit must wait for it. */
const closing: { hold: boolean; release: (() => void) | null } = { hold: false, release: null };
const cores: { started: number; finished: number }[] = [];
vi.mock('../../../../src-main/core/app-core', async (importOriginal) => {
  const real = await importOriginal<typeof AppCoreModule>();
  return {
    ...real,
    createAppCore: (options: AppCoreModule.AppCoreOptions) => {
      const core = real.createAppCore(options);
      const close = core.close;
      const watched = { started: 0, finished: 0 };
      cores.push(watched);
      core.close = async () => {
        watched.started++;
        if (closing.hold) await new Promise<void>((resolve) => (closing.release = resolve));
        await close();
        watched.finished++;
      };
      return core;
    },
  };
});

const xdgBefore = process.env.XDG_CONFIG_HOME;
beforeEach(() => {
  vi.resetModules();
  fake = makeFakeElectron();
  Object.assign(closing, { hold: false, release: null });
  // Start-at-login writes an autostart entry under XDG_CONFIG_HOME on Linux: never the real one.
  process.env.XDG_CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'motif-xdg-'));
});
afterEach(() => {
  if (xdgBefore === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = xdgBefore;
});

type MenuItem = { label?: string; type?: string; enabled?: boolean; checked?: boolean; click?: () => void; submenu?: MenuItem[] };
const trayMenu = () => fake.trays[0]!.menu as MenuItem[];
const settingsMenu = () => trayMenu().find((i) => i.label === 'Settings')!.submenu!;
/** The tray controller has loaded and rendered its first menu. */
const trayReady = () => vi.waitFor(() => expect(trayMenu().some((i) => i.label === 'Settings')).toBe(true), { timeout: 10_000 });

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
    let framePrevented = false;
    contents.emit('will-frame-navigate', { url: 'https://evil.example/', preventDefault: () => (framePrevented = true) });
    expect(framePrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and sends the Content Security Policy as a header', async () => {
    await launch();
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      fake.permissions.request?.({}, permission, (ok) => granted.push(ok));
    }
    expect(granted).toEqual([false, false, false, false]);
    expect(fake.permissions.check?.({}, 'media', 'file://', {})).toBe(false);
    let headers: Record<string, string[]> | undefined;
    fake.permissions.headers?.({ responseHeaders: { 'X-Test': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers?.['X-Test']).toEqual(['1']);
    expect(headers?.['Content-Security-Policy']?.[0]).toMatch(/connect-src 'self';.*frame-ancestors 'none'/);
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
    await trayReady();
    const menu = tray.menu as { label?: string; enabled?: boolean; click?: () => void }[];
    expect(menu[0]).toMatchObject({ label: 'No rigs configured', enabled: false });
    expect(tray.tooltip).toBe('Motif Control: No rigs configured');
    expect(tray.image).toEqual({ path: expect.stringMatching(/assets\/tray\/idle-(dark|light)\.png$|assets\/tray\/idleTemplate\.png$/) });
    menu.find((i) => i.label === 'Quit')!.click!();
    expect(fake.module.app.quitCalled).toBe(true);
  });

  it('quits cleanly: the first will-quit waits for the core to flush and close, then the app quits for real', async () => {
    await launch();
    await trayReady();
    const core = cores.at(-1)!;
    closing.hold = true;
    trayMenu().find((i) => i.label === 'Quit')!.click!();
    expect(core.started).toBe(1);
    expect(fake.module.app.exited).toBe(false);
    expect(fake.trays[0]!.destroyed).toBe(true);
    expect(fake.shortcuts.size).toBe(0);
    // A second Quit while closing changes nothing.
    fake.module.app.quit();
    expect(core.started).toBe(1);
    expect(core.finished).toBe(0);
    closing.release!();
    await vi.waitFor(() => expect(fake.module.app.exited).toBe(true), { timeout: 15_000 });
    expect(core.finished).toBe(1);
  });

  it("registers no global shortcut until the user picks one (Ctrl+Shift+R is every browser's hard reload)", async () => {
    await launch();
    await trayReady();
    expect(fake.shortcuts.size).toBe(0);
    expect(settingsMenu().filter((i) => i.type === 'radio').find((i) => i.checked)?.label).toBe('None');
    expect(settingsMenu().some((i) => /stop all recordings, or start idle rigs/.test(i.label ?? ''))).toBe(false);
  });

  it('says in the tray what a chosen shortcut does; a press with nothing to start or stop says so and asks nothing', async () => {
    await launch();
    await trayReady();
    settingsMenu().find((i) => i.label === 'Ctrl+Alt+Shift+R')!.click!();
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+Shift+R']);
    expect(settingsMenu().some((i) => i.label === 'Ctrl+Alt+Shift+R: stop all recordings, or start idle rigs (asks first)')).toBe(true);
    expect(settingsMenu().some((i) => i.label?.startsWith('Warning: '))).toBe(false);
    fake.shortcuts.get('CommandOrControl+Alt+Shift+R')!();
    await new Promise((r) => setImmediate(r));
    expect(fake.dialogs).toHaveLength(0);
    expect(fake.notifications.at(-1)).toEqual({ title: 'Motif Control', body: expect.stringMatching(/No rig to start or stop/) });
  });

  it("changes the shortcut from the tray's Settings, remembers it, and says when another program holds one", async () => {
    await launch();
    await trayReady();
    const choices = settingsMenu().filter((i) => i.type === 'radio');
    expect(choices.map((i) => [i.label, i.checked])).toEqual([
      ['None', true],
      ['Ctrl+Alt+Shift+R', false],
      ['Ctrl+Alt+Shift+F9', false],
    ]);
    fake.taken.add('CommandOrControl+Alt+Shift+F9');
    choices.find((i) => i.label === 'Ctrl+Alt+Shift+F9')!.click!();
    expect(fake.shortcuts.size).toBe(0);
    expect(fake.notifications.at(-1)?.body).toMatch(/Ctrl\+Alt\+Shift\+F9 is taken by another program/);
    expect(settingsMenu().some((i) => i.label === 'Not set: Ctrl+Alt+Shift+F9 is taken by another program')).toBe(true);
    settingsMenu().find((i) => i.label === 'Ctrl+Alt+Shift+R')!.click!();
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+Shift+R']);
    const userData = fake.module.app.getPath('userData');
    expect(JSON.parse(readFileSync(path.join(userData, 'shell.json'), 'utf8'))).toMatchObject({ recordShortcut: 'CommandOrControl+Alt+Shift+R' });
    settingsMenu().find((i) => i.label === 'None')!.click!();
    expect(fake.shortcuts.size).toBe(0);
  });

  it('warns in the tray when shell.json names a shortcut browsers use, and still honours it', async () => {
    writeFileSync(path.join(fake.module.app.getPath('userData'), 'shell.json'), JSON.stringify({ recordShortcut: 'CommandOrControl+Shift+R' }));
    await launch();
    await trayReady();
    expect([...fake.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+R']);
    expect(settingsMenu().find((i) => i.label?.startsWith('Warning: '))?.label).toMatch(/hard reload.*start or stop recording on every rig/);
  });

  it('on Wayland asks for the global-shortcuts portal before ready, and words a refused shortcut as the portal', async () => {
    const before = process.env.XDG_SESSION_TYPE;
    process.env.XDG_SESSION_TYPE = 'wayland';
    try {
      fake.module.app.commandLine.appendSwitch('enable-features', 'SomethingElse');
      await launch();
      await trayReady();
      if (process.platform !== 'linux') return;
      expect(fake.switches.get('enable-features')).toBe('SomethingElse,GlobalShortcutsPortal');
      fake.taken.add('CommandOrControl+Alt+Shift+R');
      settingsMenu().find((i) => i.label === 'Ctrl+Alt+Shift+R')!.click!();
      expect(fake.notifications.at(-1)?.body).toMatch(/on Wayland the desktop grants global shortcuts only through its GlobalShortcuts portal/);
      expect(fake.notifications.at(-1)?.body).not.toMatch(/taken by another program/);
    } finally {
      if (before === undefined) delete process.env.XDG_SESSION_TYPE;
      else process.env.XDG_SESSION_TYPE = before;
    }
  });

  it('sets an application menu without reload or developer tools; Help opens the README', async () => {
    await launch();
    const menu = fake.appMenu.current as MenuItem[] & { role?: string }[];
    expect(menu).not.toBeNull();
    const roles = JSON.stringify(menu);
    expect(roles).not.toMatch(/"role":"(reload|forceReload|toggleDevTools)"/);
    const help = (menu as { role?: string; submenu?: MenuItem[] }[]).find((m) => m.role === 'help')!;
    help.submenu![0]!.click!();
    expect(fake.opened).toEqual(['https://github.com/motif-control/motif-control#readme']);
  });

  it('keeps running when the window closes while the tray is shown', async () => {
    const desktop = process.env.XDG_CURRENT_DESKTOP;
    process.env.XDG_CURRENT_DESKTOP = 'KDE';
    try {
      await launch();
      fake.appEvents.emit('window-all-closed');
      expect(fake.module.app.quitCalled).toBe(false);
    } finally {
      if (desktop === undefined) delete process.env.XDG_CURRENT_DESKTOP;
      else process.env.XDG_CURRENT_DESKTOP = desktop;
    }
  });

  it('quits (after the core flushes) when the window closes and no tray icon could be made', async () => {
    fake.trayFailure.error = new Error('no tray');
    await launch();
    expect(fake.trays).toHaveLength(0);
    const core = cores.at(-1)!;
    fake.appEvents.emit('window-all-closed');
    if (process.platform === 'darwin') return;
    expect(fake.module.app.quitCalled).toBe(true);
    expect(core.started).toBe(1);
    await vi.waitFor(() => expect(fake.module.app.exited).toBe(true), { timeout: 15_000 });
    expect(core.finished).toBe(1);
  });

  it('quits when the window closes on stock GNOME, which shows no tray icons', async () => {
    const desktop = process.env.XDG_CURRENT_DESKTOP;
    process.env.XDG_CURRENT_DESKTOP = 'GNOME';
    try {
      await launch();
      fake.appEvents.emit('window-all-closed');
      expect(fake.module.app.quitCalled).toBe(process.platform === 'linux');
    } finally {
      if (desktop === undefined) delete process.env.XDG_CURRENT_DESKTOP;
      else process.env.XDG_CURRENT_DESKTOP = desktop;
    }
  });

  it('remembers the window size and position, and opens there next time when that is still on a screen', async () => {
    await launch();
    const win = fake.windows[0]!;
    win.userMovesTo({ x: 200, y: 150, width: 1000, height: 700 });
    win.emit('close');
    const userData = fake.module.app.getPath('userData');
    expect(JSON.parse(readFileSync(path.join(userData, 'shell.json'), 'utf8')).window).toEqual({
      x: 200,
      y: 150,
      width: 1000,
      height: 700,
      maximized: false,
    });

    vi.resetModules();
    fake = makeFakeElectron();
    writeFileSync(
      path.join(fake.module.app.getPath('userData'), 'shell.json'),
      JSON.stringify({ window: { x: 200, y: 150, width: 1000, height: 700, maximized: true } }),
    );
    await launch();
    expect(fake.windows[0]!.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    expect(fake.windows[0]!.maximized).toBe(true);
  });

  it('starts at login only when asked, from the tray (an XDG autostart entry on Linux, a login item elsewhere)', async () => {
    await launch();
    await trayReady();
    const item = () => settingsMenu().find((i) => i.label === 'Start at login')!;
    expect(item()).toMatchObject({ type: 'checkbox', checked: false });
    item().click!();
    expect(item().checked).toBe(true);
    const autostart = path.join(process.env.XDG_CONFIG_HOME!, 'autostart', 'motif-control.desktop');
    if (process.platform === 'linux') {
      expect(readFileSync(autostart, 'utf8')).toMatch(/^Exec=.+ \/work\/app$/m);
      item().click!();
      expect(existsSync(autostart)).toBe(false);
    } else {
      expect(fake.loginItems.at(-1)).toMatchObject({ openAtLogin: true });
    }
  });
});
