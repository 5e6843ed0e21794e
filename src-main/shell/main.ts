import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type MessageBoxOptions,
} from 'electron';
import { hardenSession } from './session-guard';
import { homedir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppCore } from '../core/app-core';
import { appMeta } from '../core/app-meta';
import { DEMO_FLAG, demoConfigDir, ensureDemoRigs } from '../core/demo/demo-mode';
import { keychainStartupLine, setInstalledApp } from '../core/secrets/keychain';
import { DesktopAlerts } from '../core/alerts/desktop-alerts';
import { TrayController } from '../core/tray/tray-controller';
import { appMenuTemplate } from './app-menu';
import { APP_ID } from './app-id';
import { electronStoreFactory, openShellSettings, shellConfigDir } from './electron-store-factory';
import { forwardEvents, registerIpc } from './ipc';
import { utilityReceivers } from './live-utility';
import { StartAtLogin } from './login-item';
import { appUrlMatcher, guardNavigation } from './navigation';
import { registerRecordShortcut, SHORTCUT_CHOICES, shortcutLabel, shortcutPressHandler, shortcutTrayLine } from './record-shortcut';
import { shortcutWarning } from './shortcut-check';
import { readSandboxFacts, sandboxVerdict, unsandboxedLine, type LaunchKind } from './linux-sandbox';
import { runSelfTest, SELF_TEST_FLAG } from './self-test';
import { selfTestChecks } from './self-test-checks';
import { NativeTray } from './tray';
import { closeLastWindow, hasStatusNotifierWatcher, trayShown } from './tray-presence';
import { trayIconFile, trayIconState, trayPanel } from './tray-icons';
import { featuresWithShortcutsPortal, isWaylandSession } from './wayland';
import { mainWindowOptions } from './window-options';
import { rememberWindowState, restoredBounds } from './window-state';

/** The Electron shell: a window, the tray, the IPC gate and the app's lifecycle. Everything else is core. */

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const indexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const asset = (name: string) => fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));
const iconPath = asset('icon.png');
const isAppUrl = appUrlMatcher(pathToFileURL(indexPath).href);
/** How long a quit waits for the core to flush its files (outbox, audit log) and stop its simulators. */
const CLOSE_TIMEOUT_MS = 10_000;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of running two cores against the same rigs.
  app.quit();
} else {
  app.enableSandbox();
  // The keychain's fix line names system packages for an installed app, npm for a checkout.
  setInstalledApp(app.isPackaged);
  const wayland = isWaylandSession(process.env, process.platform);
  // Before ready, or Chromium never asks the desktop's portal for the global shortcut.
  const features = wayland ? featuresWithShortcutsPortal(app.commandLine.getSwitchValue('enable-features')) : null;
  if (features) app.commandLine.appendSwitch('enable-features', features);
  // Windows shows notifications only for an app with this id (the installer's shortcut carries the same).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const demo = process.argv.includes(DEMO_FLAG);
  const baseDir = shellConfigDir();
  const configDir = demo ? demoConfigDir(baseDir) : baseDir;
  // A fatal error in the stream process is a notice in the window (the core exists by the time one can happen).
  const core = createAppCore({
    transport: 'electron',
    configDir,
    store: electronStoreFactory,
    openReceiver: utilityReceivers((line) => core.notices.add('warning', line)),
  });
  if (demo) void ensureDemoRigs(core).catch((e: unknown) => console.error(e));
  const settings = openShellSettings(baseDir);
  const login = new StartAtLogin(app, { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath });
  let window: BrowserWindow | null = null;
  let tray: TrayController | null = null;
  let nativeTray: NativeTray | null = null;
  let desktopAlerts: DesktopAlerts | null = null;
  /** Whether the tray icon can be seen; until the desktop answers, what its name suggests. */
  let trayVisible = false;
  let statusNotifierWatcher: boolean | null = null;
  let registeredShortcut: string | null = null;
  let shortcutProblem: string | null = null;
  let quitting: 'no' | 'closing' | 'done' = 'no';
  /** Under --self-test, the exit code once the checks ran. */
  let selfTestCode: number | null = null;

  const showWindow = () => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return;
    }
    const saved = settings.get('window');
    window = new BrowserWindow({ ...mainWindowOptions(preloadPath, iconPath), ...restoredBounds(saved, screen.getAllDisplays()) });
    if (saved?.maximized) window.maximize();
    rememberWindowState(window, settings);
    guardNavigation(window.webContents, isAppUrl);
    window.once('ready-to-show', () => window?.show());
    void window.loadFile(indexPath);
  };

  /**
   * The global shortcut: what the tray's "Stop all" or "Start recording on idle rigs" would do,
   * once confirmed in a native dialog (the key may have been meant for another program).
   */
  const toggleRecording = shortcutPressHandler({
    model: () => nativeTray?.model ?? null,
    label: () => (registeredShortcut ? shortcutLabel(registeredShortcut) : 'The shortcut'),
    confirm: async (ask) => {
      const options: MessageBoxOptions = {
        type: 'question',
        title: 'Motif Control',
        message: ask.message,
        detail: ask.detail,
        buttons: [ask.confirmLabel, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      return (await dialog.showMessageBox(options)).response === 0;
    },
    run: (action) => void tray?.run(action),
    notify: (title, body) => nativeTray?.notify(title, body),
  });

  const applyShortcut = (accelerator: string | null) => {
    const result = registerRecordShortcut(globalShortcut, registeredShortcut, accelerator, () => void toggleRecording(), { wayland });
    registeredShortcut = result.ok ? accelerator : null;
    shortcutProblem = result.ok ? null : result.reason;
    if (!result.ok) {
      console.warn(`Record/stop shortcut not set: ${result.reason}.`);
      nativeTray?.notify('Record/stop shortcut not set', `${result.reason}. Choose another in the tray menu's Settings.`);
    }
  };

  const chooseShortcut = (accelerator: string | null) => {
    settings.set('recordShortcut', accelerator);
    applyShortcut(accelerator);
    const warning = accelerator && registeredShortcut === accelerator ? shortcutWarning(accelerator, process.platform, shortcutLabel(accelerator)) : null;
    if (warning) nativeTray?.notify('Record/stop shortcut set, with a warning', warning);
    nativeTray?.refresh();
  };

  const setStartAtLogin = (enabled: boolean) => {
    try {
      login.set(enabled);
      settings.set('openAtLogin', enabled);
    } catch (e) {
      nativeTray?.notify('Start at login', `Could not change it: ${e instanceof Error ? e.message : String(e)}`);
    }
    nativeTray?.refresh();
  };

  /** The tray's Settings submenu: start at login and the record/stop shortcut. */
  const settingsItems = (): MenuItemConstructorOptions[] => {
    const configured = settings.get('recordShortcut');
    const choices: (string | null)[] = [...SHORTCUT_CHOICES];
    if (configured && !choices.includes(configured)) choices.push(configured);
    const warning = configured && registeredShortcut === configured ? shortcutWarning(configured, process.platform, shortcutLabel(configured)) : null;
    return [
      {
        label: 'Settings',
        submenu: [
          { label: 'Start at login', type: 'checkbox', checked: settings.get('openAtLogin'), click: () => setStartAtLogin(!settings.get('openAtLogin')) },
          { type: 'separator' },
          { label: 'Record / stop all shortcut:', enabled: false },
          ...[null, ...choices].map(
            (accelerator): MenuItemConstructorOptions => ({
              label: accelerator ? shortcutLabel(accelerator) : 'None',
              type: 'radio',
              checked: configured === accelerator,
              click: () => chooseShortcut(accelerator),
            }),
          ),
          ...(registeredShortcut ? [{ label: shortcutTrayLine(shortcutLabel(registeredShortcut)), enabled: false }] : []),
          ...(warning ? [{ label: `Warning: ${warning}`, enabled: false }] : []),
          ...(shortcutProblem ? [{ label: `Not set: ${shortcutProblem}`, enabled: false }] : []),
        ],
      },
    ];
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_e, contents) => guardNavigation(contents, isAppUrl));
  app.on('window-all-closed', () => {
    // With a tray shown the app keeps watching the rigs (Quit is in the tray menu); with none, closing quits.
    if (closeLastWindow({ platform: process.platform, trayShown: trayVisible }) === 'quit') app.quit();
  });
  app.on('activate', showWindow);
  // A clean quit: the first will-quit waits for the core to flush its pending writes, then quits for real.
  app.on('will-quit', (event) => {
    if (quitting === 'done') return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    globalShortcut.unregisterAll();
    tray?.dispose();
    desktopAlerts?.dispose();
    nativeTray?.destroy();
    void closeCore().finally(() => {
      quitting = 'done';
      if (selfTestCode !== null) app.exit(selfTestCode);
      else app.quit();
    });
  });

  const closeCore = async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS, 'timeout')));
    try {
      if ((await Promise.race([core.close().then(() => 'closed' as const), timeout])) === 'timeout') {
        console.error(`Motif Control: the core did not close within ${CLOSE_TIMEOUT_MS / 1000} s; quitting anyway.`);
      }
    } catch (e) {
      console.error('Motif Control: closing the core failed', e);
    } finally {
      clearTimeout(timer);
    }
  };

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    registerIpc(ipcMain, core.dispatch, (event) => {
      const frameUrl = event.senderFrame?.url ?? '';
      return window !== null && event.sender === window.webContents && isAppUrl(frameUrl);
    });
    forwardEvents(core.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    // Running without Chromium's sandbox (asked for, or added by the AppImage's launcher where it cannot start) is said, with why and the way back.
    if (process.platform === 'linux' && app.commandLine.hasSwitch('no-sandbox')) {
      const launch: LaunchKind = process.env.APPIMAGE ? 'appimage' : app.isPackaged ? 'installed' : 'checkout';
      const line = unsandboxedLine(sandboxVerdict(readSandboxFacts(process.execPath, process.env, process.platform), launch), launch);
      console.warn(line);
      core.notices.add('warning', line);
    }
    const keychainLine = keychainStartupLine();
    if (keychainLine) {
      console.warn(keychainLine);
      core.notices.add('warning', keychainLine);
    }
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          platform: process.platform,
          appName: appMeta.name,
          helpUrl: appMeta.homepage,
          openHelp: (url) => void shell.openExternal(url),
          showWindow,
        }),
      ),
    );
    showWindow();
    try {
      nativeTray = new NativeTray({
        iconFor: (model) =>
          asset(trayIconFile(trayIconState(model), process.platform, trayPanel(settings.get('trayTheme'), process.platform, nativeTheme))),
        run: (action) => void tray?.run(action),
        shellItems: settingsItems,
      });
    } catch (e) {
      console.warn('Motif Control: no tray icon here; closing the window quits the app.', e);
    }
    const trayFacts = () => ({
      platform: process.platform,
      trayCreated: nativeTray !== null,
      statusNotifierWatcher,
      currentDesktop: process.env.XDG_CURRENT_DESKTOP ?? '',
    });
    trayVisible = trayShown(trayFacts());
    if (process.platform === 'linux' && nativeTray) {
      void hasStatusNotifierWatcher().then((answer) => {
        statusNotifierWatcher = answer;
        trayVisible = trayShown(trayFacts());
      });
    }
    // Alerts are desktop notifications whether or not this desktop shows a tray icon.
    desktopAlerts = new DesktopAlerts(core.call, core.events, (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    });
    void desktopAlerts.load();
    if (nativeTray) {
      tray = new TrayController(core.call, core.events, nativeTray, (action) => {
        if (action === 'quit') app.quit();
        else showWindow();
      });
      void tray.load();
    }
    nativeTheme.on('updated', () => nativeTray?.refresh());
    if (process.argv.includes(SELF_TEST_FLAG)) {
      const checks = selfTestChecks({ window: () => window, trayMade: () => nativeTray !== null, sandboxed: !app.commandLine.hasSwitch('no-sandbox') });
      void runSelfTest(checks, (line) => console.log(line)).then((code) => {
        selfTestCode = code;
        app.quit();
      });
    }
    applyShortcut(settings.get('recordShortcut'));
    // Re-written each start, so the entry follows the app when it moves (a new AppImage).
    if (settings.get('openAtLogin')) setStartAtLogin(true);
  });
}
