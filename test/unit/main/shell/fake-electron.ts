import { EventEmitter } from 'node:events';

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

  const app = {
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
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
    },
    handlers,
    windows,
    appEvents,
    denyLock: () => (gotLock = false),
    becomeReady: () => readyResolve(),
    ready,
  };
}
