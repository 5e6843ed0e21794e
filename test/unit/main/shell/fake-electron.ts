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
  /** Emit like Electron: returns whether a listener called preventDefault. */
  attempt(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
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
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this);
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
  const notifications: { title: string; body: string }[] = [];
  class FakeTray {
    tooltip = '';
    image: unknown = null;
    menu: unknown[] = [];
    destroyed = false;
    constructor(public initialImage: unknown) {
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

  const userData = mkdtempSync(join(tmpdir(), 'motif-userdata-'));
  const app = {
    // electron-store asks for these; userData is a throw-away folder so tests never touch the real one.
    getPath: (_name: string) => userData,
    getVersion: () => '0.0.0-test',
    quitCalled: false,
    sandboxEnabled: false,
    requestSingleInstanceLock: () => gotLock,
    enableSandbox() {
      this.sandboxEnabled = true;
    },
    quit() {
      this.quitCalled = true;
    },
    on: (event: string, fn: (...args: unknown[]) => void) => appEvents.on(event, fn),
    whenReady: () => ready,
  };

  return {
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      Tray: FakeTray,
      Notification: FakeNotification,
      // The template itself stands in for the built menu, so tests can click its items.
      Menu: { buildFromTemplate: (template: unknown[]) => template },
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
    denyLock: () => (gotLock = false),
    becomeReady: () => readyResolve(),
    ready,
  };
}
