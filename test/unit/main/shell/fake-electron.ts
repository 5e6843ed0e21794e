import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in for the parts of `electron` the shell uses, recording what the shell does with them. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return this.destroyed;
  }
  /**
   * Emit like Electron: returns whether a listener called preventDefault. With a URL the
   * event carries it (`details.url`); the deprecated positional url is left out, so a guard
   * still reading it sees nothing.
   */
  attempt(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { ...(url === undefined ? {} : { url }), preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export function makeFakeElectron() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: FakeBrowserWindow[] = [];
  const appEvents = new EventEmitter();
  let gotLock = true;
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));

  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | null = null;
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    constructor(public options: Record<string, unknown>) {
      super();
      const o = options as { x?: number; y?: number; width?: number; height?: number };
      this.bounds = { x: o.x ?? 100, y: o.y ?? 100, width: o.width ?? 800, height: o.height ?? 600 };
      windows.push(this);
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    isMaximized() {
      return this.maximized;
    }
    maximize() {
      this.maximized = true;
    }
    /** Move and resize like a user would: Electron emits move and resize. */
    userMovesTo(bounds: { x: number; y: number; width: number; height: number }) {
      this.bounds = bounds;
      this.emit('move');
      this.emit('resize');
    }
    static getAllWindows() {
      return windows;
    }
    loadFile(path: string) {
      this.loaded = path;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
  }

  const trays: FakeTray[] = [];
  /** When set, `new Tray()` throws (no tray on this desktop). */
  const trayFailure: { error: Error | null } = { error: null };
  const notifications: { title: string; body: string }[] = [];
  class FakeTray {
    tooltip = '';
    image: unknown = null;
    menu: unknown[] = [];
    destroyed = false;
    constructor(public initialImage: unknown) {
      if (trayFailure.error) throw trayFailure.error;
      trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setImage(image: unknown) {
      this.image = image;
    }
    setContextMenu(menu: unknown[]) {
      this.menu = menu;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  class FakeNotification {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      notifications.push(this.options);
    }
  }

  /** Global shortcuts as Electron keeps them; `taken` are held by another program. */
  const shortcuts = new Map<string, () => void>();
  const taken = new Set<string>();
  const globalShortcut = {
    register(accelerator: string, fn: () => void) {
      if (!/^[A-Za-z0-9+]+$/.test(accelerator)) throw new Error(`Failed to parse accelerator: ${accelerator}`);
      if (taken.has(accelerator)) return false;
      shortcuts.set(accelerator, fn);
      return true;
    },
    unregister: (accelerator: string) => void shortcuts.delete(accelerator),
    unregisterAll: () => shortcuts.clear(),
    isRegistered: (accelerator: string) => shortcuts.has(accelerator),
  };
  const displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  const screen = { getAllDisplays: () => displays, getPrimaryDisplay: () => displays[0] };
  const nativeTheme = Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    shouldUseDarkColorsForSystemIntegratedUI: true,
  });
  const loginItems: { openAtLogin: boolean; args?: string[] }[] = [];

  /** Native message boxes shown, and the button the fake user clicks next (0: the first). */
  const dialogs: { message: string; detail?: string; buttons: string[]; defaultId?: number; cancelId?: number }[] = [];
  const dialogAnswers: number[] = [];
  let releaseDialog: (() => void) | null = null;
  const dialog = {
    showMessageBox(options: { message: string; detail?: string; buttons: string[]; defaultId?: number; cancelId?: number }) {
      dialogs.push(options);
      const response = dialogAnswers.shift() ?? options.cancelId ?? 0;
      return new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => {
        releaseDialog = () => resolve({ response, checkboxChecked: false });
      });
    },
    showErrorBox: (title: string, content: string) => void dialogs.push({ message: title, detail: content, buttons: [] }),
  };
  /** Closes the open message box with the scripted answer. */
  const answerDialog = async () => {
    releaseDialog?.();
    releaseDialog = null;
    await new Promise((r) => setImmediate(r));
  };
  const switches = new Map<string, string>();
  const commandLine = {
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
    hasSwitch: (name: string) => switches.has(name),
  };

  const appMenu: { current: unknown[] | null } = { current: null };
  const opened: string[] = [];

  const userData = mkdtempSync(join(tmpdir(), 'motif-userdata-'));
  /** Like Electron's: an event whose default a listener may prevent. */
  const preventable = () => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    return event;
  };
  const app = {
    // electron-store asks for these; userData is a throw-away folder so tests never touch the real one.
    getPath: (_name: string) => userData,
    getVersion: () => '0.0.0-test',
    quitCalled: false,
    quitCalls: 0,
    /** Set once a quit went through will-quit unprevented: the process would end here. */
    exited: false,
    sandboxEnabled: false,
    isPackaged: false,
    commandLine,
    appUserModelId: null as string | null,
    setAppUserModelId(id: string) {
      this.appUserModelId = id;
    },
    getAppPath: () => '/work/app',
    setLoginItemSettings: (settings: { openAtLogin: boolean; args?: string[] }) => void loginItems.push(settings),
    getLoginItemSettings: () => ({ openAtLogin: loginItems.at(-1)?.openAtLogin ?? false }),
    requestSingleInstanceLock: () => gotLock,
    enableSandbox() {
      this.sandboxEnabled = true;
    },
    quit() {
      this.quitCalled = true;
      this.quitCalls++;
      const before = preventable();
      appEvents.emit('before-quit', before);
      if (before.defaultPrevented) return;
      const will = preventable();
      appEvents.emit('will-quit', will);
      if (!will.defaultPrevented) this.exited = true;
    },
    on: (event: string, fn: (...args: unknown[]) => void) => appEvents.on(event, fn),
    whenReady: () => ready,
  };

  const permissions: { request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void; check?: (...args: unknown[]) => boolean; headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void } = {};
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof permissions.request) => (permissions.request = handler),
      setPermissionCheckHandler: (handler: typeof permissions.check) => (permissions.check = handler),
      webRequest: { onHeadersReceived: (handler: typeof permissions.headers) => (permissions.headers = handler) },
    },
  };

  return {
    permissions,
    module: {
      session,
      app,
      BrowserWindow: FakeBrowserWindow,
      Tray: FakeTray,
      Notification: FakeNotification,
      // The template itself stands in for the built menu, so tests can click its items.
      Menu: {
        buildFromTemplate: (template: unknown[]) => template,
        setApplicationMenu: (menu: unknown[] | null) => void (appMenu.current = menu),
      },
      shell: { openExternal: (url: string) => (opened.push(url), Promise.resolve()) },
      globalShortcut,
      dialog,
      screen,
      nativeTheme,
      nativeImage: { createFromPath: (path: string) => ({ path }) },
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
        removeHandler: (channel: string) => handlers.delete(channel),
        on: () => {},
      },
    },
    handlers,
    windows,
    trays,
    notifications,
    appEvents,
    shortcuts,
    taken,
    dialogs,
    dialogAnswers,
    appMenu,
    opened,
    trayFailure,
    answerDialog,
    switches,
    displays,
    loginItems,
    denyLock: () => (gotLock = false),
    becomeReady: () => readyResolve(),
    ready,
  };
}
