import { app, BrowserWindow, ipcMain } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAppCore } from '../core/app-core';
import { DEMO_FLAG, demoConfigDir, ensureDemoRigs } from '../core/demo/demo-mode';
import { TrayController } from '../core/tray/tray-controller';
import { electronStoreFactory, shellConfigDir } from './electron-store-factory';
import { forwardEvents, registerIpc } from './ipc';
import { appUrlMatcher, guardNavigation } from './navigation';
import { NativeTray } from './tray';
import { mainWindowOptions } from './window-options';

/** The Electron shell: a window, the IPC gate and the app's lifecycle. Everything else is core. */

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const indexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const asset = (name: string) => fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));
const iconPath = asset('icon.png');
const isAppUrl = appUrlMatcher(pathToFileURL(indexPath).href);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of running two cores against the same rigs.
  app.quit();
} else {
  app.enableSandbox();
  const demo = process.argv.includes(DEMO_FLAG);
  const configDir = demo ? demoConfigDir(shellConfigDir()) : shellConfigDir();
  const core = createAppCore({ transport: 'electron', configDir, store: electronStoreFactory });
  if (demo) void ensureDemoRigs(core).catch((e: unknown) => console.error(e));
  let window: BrowserWindow | null = null;
  let tray: TrayController | null = null;

  const showWindow = () => {
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.focus();
      return;
    }
    window = new BrowserWindow(mainWindowOptions(preloadPath, iconPath));
    guardNavigation(window.webContents, isAppUrl);
    window.once('ready-to-show', () => window?.show());
    void window.loadFile(indexPath);
  };

  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_e, contents) => guardNavigation(contents, isAppUrl));
  app.on('window-all-closed', () => {
    // With a tray the app keeps watching the rigs; Quit is in the tray menu.
    if (!tray && process.platform !== 'darwin') app.quit();
  });
  app.on('activate', showWindow);
  app.on('will-quit', () => void core.close());

  void app.whenReady().then(() => {
    registerIpc(ipcMain, core.dispatch, (event) => {
      const frameUrl = event.senderFrame?.url ?? '';
      return window !== null && event.sender === window.webContents && isAppUrl(frameUrl);
    });
    forwardEvents(core.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    showWindow();
    const nativeTray = new NativeTray({ idle: asset('tray-idle.png'), recording: asset('tray-recording.png') }, (action) =>
      void tray?.run(action),
    );
    tray = new TrayController(core.call, core.events, nativeTray, (action) => {
      if (action === 'quit') app.quit();
      else showWindow();
    });
    void tray.load();
    app.on('will-quit', () => {
      tray?.dispose();
      nativeTray.destroy();
    });
  });
}
