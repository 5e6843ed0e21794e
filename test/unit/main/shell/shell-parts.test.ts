import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RigSummary } from '../../../../src-main/contract/requests/rigs';
import type { CameraStatusView, RigStatus } from '../../../../src-main/contract/requests/status';
import { buildTrayModel } from '../../../../src-main/core/tray/tray-menu';
import { StartAtLogin, type LoginApp } from '../../../../src-main/shell/login-item';
import {
  recordToggleAction,
  registerRecordShortcut,
  SHORTCUT_CHOICES,
  shortcutConfirmation,
  shortcutLabel,
  shortcutPressHandler,
  type ShortcutConfirmation,
} from '../../../../src-main/shell/record-shortcut';
import { SHELL_DEFAULTS } from '../../../../src-main/shell/shell-settings';
import { appMenuTemplate } from '../../../../src-main/shell/app-menu';
import { closeLastWindow, parseNameHasOwner, trayShown } from '../../../../src-main/shell/tray-presence';
import { shortcutWarning } from '../../../../src-main/shell/shortcut-check';
import { featuresWithShortcutsPortal, isWaylandSession } from '../../../../src-main/shell/wayland';
import type { TrayAction } from '../../../../src-main/core/tray/tray-menu';
import { memorySettings } from '../../../../src-main/shell/shell-settings';
import { trayIconFile, trayIconState, trayPanel, type TrayIconState } from '../../../../src-main/shell/tray-icons';
import { rememberWindowState, restoredBounds } from '../../../../src-main/shell/window-state';
import { cameraView, recordingOf } from '../../fixtures/camera-view';

const root = path.resolve(import.meta.dirname, '../../../..');
const rig = (id: string): RigSummary => ({
  id,
  name: `Arena ${id}`,
  host: '127.0.0.1',
  port: 6083,
  tags: [],
  simulated: false,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'keychain',
  createdAt: '2026-11-25T00:00:00Z',
});
const camera = (recording: boolean): CameraStatusView =>
  cameraView({ state: recording ? 'recording' : 'idle', recording: recording ? recordingOf(0) : null });

const status = (rigId: string, state: RigStatus['state'], recording = false, stale = false): RigStatus => ({
  rigId,
  rigName: rigId,
  state,
  stale,
  problem: null,
  lastSeenAtMs: 0,
  checkedAtMs: 0,
  retryDelayMs: null,
  version: '5.2',
  clockOffsetMs: 0,
  cameras: [camera(recording)],
});
const model = (...statuses: RigStatus[]) => buildTrayModel(statuses.map((s) => rig(s.rigId)), statuses, 0);

describe('tray icon', () => {
  it('shows recording, offline and problem at a glance, and both when a rig records while another needs attention', () => {
    const cases: [RigStatus[], TrayIconState][] = [
      [[], 'idle'],
      [[status('a', 'online')], 'idle'],
      [[status('a', 'online', true)], 'recording'],
      [[status('a', 'offline')], 'offline'],
      [[status('a', 'online', false, true)], 'offline'],
      [[status('a', 'key-rejected'), status('b', 'offline')], 'problem'],
      [[status('a', 'keychain-unavailable')], 'problem'],
      [[status('a', 'online', true), status('b', 'offline')], 'recording-offline'],
      [[status('a', 'online', true), status('b', 'untrusted')], 'recording-problem'],
    ];
    for (const [statuses, state] of cases) expect(trayIconState(model(...statuses)), JSON.stringify(statuses.map((s) => s.state))).toBe(state);
  });

  it('has a drawn file for every state: light and dark panels, macOS template images at 1x and 2x', () => {
    const states: TrayIconState[] = ['idle', 'recording', 'offline', 'problem', 'recording-offline', 'recording-problem'];
    for (const state of states) {
      for (const [platform, panel] of [['linux', 'dark'], ['win32', 'light'], ['darwin', 'light']] as const) {
        const file = path.join(root, 'assets', trayIconFile(state, platform, panel));
        expect(existsSync(file), file).toBe(true);
        if (platform === 'darwin') expect(existsSync(file.replace(/\.png$/, '@2x.png'))).toBe(true);
      }
      expect(trayIconFile(state, 'linux', 'light')).toBe(`tray/${state}-light.png`);
      expect(trayIconFile(state, 'darwin', 'dark')).toBe(`tray/${state}Template.png`);
    }
  });

  it("follows the panel's theme: the setting, Windows' taskbar, a dark panel on Linux", () => {
    const theme = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true };
    expect(trayPanel('light', 'linux', theme)).toBe('light');
    expect(trayPanel('auto', 'linux', theme)).toBe('dark');
    expect(trayPanel('auto', 'win32', theme)).toBe('dark');
    expect(trayPanel('auto', 'win32', { ...theme, shouldUseDarkColorsForSystemIntegratedUI: false })).toBe('light');
  });
});

describe('record / stop all shortcut', () => {
  it("does what the tray's own top items would: stop every recording rig, else start the idle ones", () => {
    expect(recordToggleAction(null)).toBeNull();
    expect(recordToggleAction(model())).toBeNull();
    expect(recordToggleAction(model(status('a', 'offline')))).toBeNull();
    expect(recordToggleAction(model(status('a', 'online'), status('b', 'online')))).toEqual({ kind: 'start', rigIds: ['a', 'b'] });
    expect(recordToggleAction(model(status('a', 'online', true), status('b', 'online')))).toEqual({ kind: 'stop', rigIds: ['a'] });
  });

  it('reads as the platform writes it, and says why it cannot be registered', () => {
    expect(shortcutLabel('CommandOrControl+Shift+R', 'linux')).toBe('Ctrl+Shift+R');
    expect(shortcutLabel('CommandOrControl+Alt+R', 'darwin')).toBe('Cmd+Option+R');
    const registered: string[] = [];
    const gs = {
      register: (a: string) => {
        if (a === 'bad') throw new Error('Failed to parse');
        if (a === 'F9') return false;
        registered.push(a);
        return true;
      },
      unregister: (a: string) => void registered.splice(registered.indexOf(a), 1),
    };
    expect(registerRecordShortcut(gs, null, 'F8', () => {})).toEqual({ ok: true });
    expect(registerRecordShortcut(gs, 'F8', 'F9', () => {})).toEqual({ ok: false, reason: 'F9 is taken by another program' });
    expect(registered).toEqual([]);
    expect(registerRecordShortcut(gs, null, 'bad', () => {})).toMatchObject({ ok: false, reason: expect.stringMatching(/not a shortcut/) });
    expect(registerRecordShortcut(gs, null, null, () => {})).toEqual({ ok: true });
  });
});

describe('record / stop all shortcut: safe by default', () => {
  it('is off until the user picks one', () => {
    expect(SHELL_DEFAULTS.recordShortcut).toBeNull();
  });

  it("warns about browsers' reload and hard reload on every platform, in the platform's words", () => {
    for (const [accelerator, platform] of [
      ['CommandOrControl+Shift+R', 'linux'],
      ['CommandOrControl+Shift+R', 'win32'],
      ['CommandOrControl+Shift+R', 'darwin'],
      ['Ctrl+Shift+R', 'linux'],
      ['Shift+Ctrl+r', 'linux'],
      ['Command+Shift+R', 'darwin'],
    ] as const) {
      expect(shortcutWarning(accelerator, platform), `${accelerator} on ${platform}`).toMatch(/hard reload.*Motif page: pressing it for that would also start or stop recording on every rig\.$/);
    }
    expect(shortcutWarning('CmdOrCtrl+R', 'linux')).toMatch(/reload/);
    expect(shortcutWarning('F5', 'win32')).toMatch(/reload/);
    expect(shortcutWarning('Ctrl+F5', 'win32')).toMatch(/hard reload/);
    expect(shortcutWarning('CommandOrControl+Alt+R', 'darwin')).toMatch(/Safari's reload from origin/);
    // Uses the label it is given.
    expect(shortcutWarning('CommandOrControl+Shift+R', 'darwin', 'Cmd+Shift+R')).toMatch(/^Cmd\+Shift\+R is /);
  });

  it('warns about copy, paste and other common commands, typed keys and the desktop key', () => {
    expect(shortcutWarning('CommandOrControl+C', 'linux')).toMatch(/copy in every program/);
    expect(shortcutWarning('CommandOrControl+V', 'darwin')).toMatch(/paste in every program/);
    expect(shortcutWarning('Ctrl+Alt+T', 'linux')).toMatch(/terminal/);
    expect(shortcutWarning('Alt+F4', 'win32')).toMatch(/closing/);
    expect(shortcutWarning('Ctrl+Shift+K', 'linux')).toMatch(/command in many programs.*Add Alt and Shift/);
    expect(shortcutWarning('R', 'linux')).toMatch(/typed in every other program/);
    expect(shortcutWarning('Shift+R', 'win32')).toMatch(/typed in every other program/);
    expect(shortcutWarning('Super+R', 'linux')).toMatch(/Super key/);
  });

  it('has nothing to say about the offered choices and other unused combinations', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const choice of SHORTCUT_CHOICES) expect(shortcutWarning(choice, platform), `${choice} on ${platform}`).toBeNull();
      expect(shortcutWarning('Ctrl+Alt+Shift+M', platform)).toBeNull();
    }
    expect(shortcutWarning('F9', 'linux')).toBeNull();
    // Not an accelerator: Electron refuses it when registering.
    expect(shortcutWarning('Ctrl++', 'linux')).toBeNull();
    expect(shortcutWarning('Hyper+R', 'linux')).toBeNull();
  });

  const stopping = model(status('a', 'online', true), status('b', 'online', true), status('c', 'online'));
  const starting = model(status('a', 'online'), status('b', 'online'));

  it('asks before stopping (and before starting), naming what would happen, with Cancel as the default', () => {
    expect(shortcutConfirmation(null, 'Ctrl+Alt+Shift+R')).toBeNull();
    expect(shortcutConfirmation(model(status('a', 'offline')), 'Ctrl+Alt+Shift+R')).toBeNull();
    expect(shortcutConfirmation(stopping, 'Ctrl+Alt+Shift+R')).toEqual({
      action: { kind: 'stop', rigIds: ['a', 'b'] },
      message: 'Stop all 2 recording rigs?',
      detail: 'Ctrl+Alt+Shift+R (record / stop all) was pressed. Every recording on those 2 rigs ends now.',
      confirmLabel: 'Stop recording on 2 rigs',
    });
    expect(shortcutConfirmation(starting, 'F9')).toMatchObject({
      action: { kind: 'start', rigIds: ['a', 'b'] },
      message: 'Start recording on 2 idle rigs?',
      confirmLabel: 'Start recording on 2 rigs',
    });
  });

  it('runs on a press only what the user confirmed; a press while asking, Cancel, or a failing dialog runs nothing', async () => {
    const ran: TrayAction[] = [];
    const asked: ShortcutConfirmation[] = [];
    const told: string[] = [];
    let answer: (ok: boolean) => void = () => {};
    let current = stopping;
    const press = shortcutPressHandler({
      model: () => current,
      label: () => 'Ctrl+Alt+Shift+R',
      confirm: (ask) => {
        asked.push(ask);
        if (ask.action.kind === 'start') return Promise.reject(new Error('no display'));
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
      run: (action) => void ran.push(action),
      notify: (_title, body) => void told.push(body),
    });
    const first = press();
    await press();
    expect(asked).toHaveLength(1);
    expect(ran).toEqual([]);
    answer(false);
    await first;
    expect(ran).toEqual([]);

    const second = press();
    answer(true);
    await second;
    expect(ran).toEqual([{ kind: 'stop', rigIds: ['a', 'b'] }]);

    current = starting;
    await press();
    expect(ran).toHaveLength(1);

    current = model();
    await press();
    expect(asked).toHaveLength(3);
    expect(told).toEqual(['No rig to start or stop: none is reachable right now.']);
  });

  it('on Wayland asks for the global-shortcuts portal, keeping the features already asked for', () => {
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' }, 'linux')).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0', XDG_SESSION_TYPE: 'x11' }, 'linux')).toBe(false);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11' }, 'linux')).toBe(false);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' }, 'darwin')).toBe(false);
    expect(featuresWithShortcutsPortal('')).toBe('GlobalShortcutsPortal');
    expect(featuresWithShortcutsPortal('A,B')).toBe('A,B,GlobalShortcutsPortal');
    expect(featuresWithShortcutsPortal('A,GlobalShortcutsPortal')).toBeNull();
  });

  it('words a refused shortcut on Wayland as the portal, not as another program', () => {
    const gs = { register: () => false, unregister: () => {} };
    expect(registerRecordShortcut(gs, null, 'CommandOrControl+Alt+Shift+R', () => {}, { wayland: true })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Ctrl\+Alt\+Shift\+R could not be set: on Wayland the desktop grants global shortcuts only through its GlobalShortcuts portal/),
    });
  });
});

describe('application menu', () => {
  type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number];
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
  const menuFor = (platform: NodeJS.Platform, opened: string[] = [], shown: string[] = []) =>
    appMenuTemplate({
      platform,
      appName: 'Motif Control',
      helpUrl: 'https://example.invalid/readme',
      openHelp: (url) => void opened.push(url),
      showWindow: () => void shown.push('shown'),
    });

  it('has no reload, force reload or developer tools on any platform (Ctrl+Shift+R must not reload the window)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const roles = flatten(menuFor(platform)).map((i) => i.role).filter((r) => r !== undefined);
      expect(roles, platform).not.toContain('reload');
      expect(roles, platform).not.toContain('forceReload');
      expect(roles, platform).not.toContain('toggleDevTools');
      expect(roles, platform).not.toContain('viewMenu');
      expect(roles, platform).not.toContain('windowMenu');
      expect(flatten(menuFor(platform)).some((i) => /reload|developer/i.test(String(i.label ?? ''))), platform).toBe(false);
      expect(roles, platform).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']));
    }
  });

  it("puts Quit where each platform looks for it, and Help opens the README's address", () => {
    expect(menuFor('darwin')[0]).toMatchObject({ label: 'Motif Control' });
    expect(menuFor('linux')[0]).toMatchObject({ label: 'File' });
    expect(menuFor('linux').map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    const opened: string[] = [];
    const shown: string[] = [];
    const menu = flatten(menuFor('linux', opened, shown));
    const help = menu.find((i) => i.label === 'Motif Control documentation (README)')!;
    (help.click as () => void)();
    expect(opened).toEqual(['https://example.invalid/readme']);
    (menu.find((i) => i.label === 'Show Motif Control')!.click as () => void)();
    expect(shown).toEqual(['shown']);
  });
});

describe('closing the window without a tray', () => {
  const linux = { platform: 'linux' as const, trayCreated: true, statusNotifierWatcher: null, currentDesktop: '' };

  it('knows whether the tray icon is shown: the desktop\'s StatusNotifierWatcher when known, else its name', () => {
    expect(trayShown({ ...linux, trayCreated: false })).toBe(false);
    expect(trayShown({ ...linux, platform: 'win32', currentDesktop: 'GNOME' })).toBe(true);
    expect(trayShown({ ...linux, statusNotifierWatcher: false, currentDesktop: 'KDE' })).toBe(false);
    expect(trayShown({ ...linux, statusNotifierWatcher: true, currentDesktop: 'GNOME' })).toBe(true);
    expect(trayShown({ ...linux, currentDesktop: 'GNOME' })).toBe(false);
    expect(trayShown({ ...linux, currentDesktop: 'ubuntu:GNOME' })).toBe(true);
    expect(trayShown({ ...linux, currentDesktop: 'KDE' })).toBe(true);
    expect(parseNameHasOwner('(true,)\n')).toBe(true);
    expect(parseNameHasOwner('(false,)')).toBe(false);
    expect(parseNameHasOwner('Error: no bus')).toBeNull();
  });

  it('quits where no tray is shown, keeps running where one is, and stays in the Dock on macOS', () => {
    expect(closeLastWindow({ platform: 'linux', trayShown: false })).toBe('quit');
    expect(closeLastWindow({ platform: 'win32', trayShown: false })).toBe('quit');
    expect(closeLastWindow({ platform: 'linux', trayShown: true })).toBe('keep-running');
    expect(closeLastWindow({ platform: 'darwin', trayShown: false })).toBe('keep-running');
  });
});

describe('window state', () => {
  const screen = [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }];

  it('opens where it was while that is on a screen, else with its size only', () => {
    const saved = { x: 300, y: 200, width: 1100, height: 700, maximized: false };
    expect(restoredBounds(null, screen)).toEqual({});
    expect(restoredBounds(saved, screen)).toEqual({ x: 300, y: 200, width: 1100, height: 700 });
    // The second monitor it was on is gone.
    expect(restoredBounds({ ...saved, x: 2500 }, screen)).toEqual({ width: 1100, height: 700 });
    expect(restoredBounds({ ...saved, x: 1900 }, screen)).toEqual({ width: 1100, height: 700 });
  });

  it('saves after moving stops and at once on close', async () => {
    const settings = memorySettings();
    const listeners = new Map<string, () => void>();
    let bounds = { x: 10, y: 20, width: 900, height: 650 };
    const win = {
      on: (event: string, fn: () => void) => listeners.set(event, fn),
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isDestroyed: () => false,
    };
    rememberWindowState(win as never, settings, 10);
    listeners.get('move')!();
    expect(settings.values.window).toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(settings.values.window).toEqual({ ...bounds, maximized: false });
    bounds = { x: 50, y: 60, width: 1000, height: 700 };
    listeners.get('close')!();
    expect(settings.values.window).toEqual({ ...bounds, maximized: false });
  });
});

describe('start at login', () => {
  const app = (): LoginApp & { items: unknown[] } => {
    const items: { openAtLogin: boolean }[] = [];
    return {
      items,
      isPackaged: true,
      getAppPath: () => '/app',
      setLoginItemSettings: (s) => void items.push(s),
      getLoginItemSettings: () => ({ openAtLogin: items.at(-1)?.openAtLogin ?? false }),
    };
  };

  it("uses Electron's login items on macOS and Windows", () => {
    const a = app();
    const login = new StartAtLogin(a, { platform: 'darwin', env: {}, home: '/Users/lab', execPath: '/Applications/Motif Control.app/Contents/MacOS/Motif Control' });
    expect(login.isEnabled()).toBe(false);
    login.set(true);
    expect(a.items).toEqual([{ openAtLogin: true }]);
    expect(login.isEnabled()).toBe(true);
  });

  it('writes and removes an XDG autostart entry on Linux that runs the AppImage', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'motif-home-'));
    const login = new StartAtLogin(app(), { platform: 'linux', env: { APPIMAGE: '/home/lab/Apps/Motif Control.AppImage' }, home, execPath: '/tmp/.mount/motif-control' });
    login.set(true);
    const file = path.join(home, '.config/autostart/motif-control.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/home/lab/Apps/Motif Control.AppImage"\n');
    expect(login.isEnabled()).toBe(true);
    login.set(false);
    expect(existsSync(file)).toBe(false);
  });
});
