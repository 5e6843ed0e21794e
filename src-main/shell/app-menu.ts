import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as data. Without one Electron ships its default, whose View menu
 * reloads the window (Ctrl+R, and Force Reload on Ctrl+Shift+R) and opens the developer
 * tools: none of those belong in a lab app. Roles here are only editing, zoom, full
 * screen and window management.
 */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** The README's address (package.json's homepage). */
  helpUrl: string;
  openHelp(url: string): void;
  /** Opens the window (it may be closed to the tray). */
  showWindow(): void;
}

export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = { label: 'File', submenu: [{ role: 'close' }, { type: 'separator' }, { role: 'quit' }] };
  return [
    ...(mac ? [appMenu] : [fileMenu]),
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Window',
      submenu: [
        { label: `Show ${o.appName}`, click: () => o.showWindow() },
        { role: 'minimize' },
        ...(mac ? [{ role: 'zoom' } as const, { type: 'separator' } as const, { role: 'front' } as const] : [{ role: 'close' } as const]),
      ],
    },
    {
      role: 'help',
      submenu: [{ label: `${o.appName} documentation (README)`, click: () => o.openHelp(o.helpUrl) }],
    },
  ];
}
