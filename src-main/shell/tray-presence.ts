import { execFile } from 'node:child_process';

/**
 * Whether the tray icon is really shown. On Linux Electron's tray is a StatusNotifierItem,
 * which only a desktop with a StatusNotifierWatcher shows: stock GNOME has none without an
 * extension (Ubuntu's own session ships one). Where it is not shown, closing the window must
 * quit, or the app would run on with no way back to it.
 */
export interface TrayFacts {
  platform: NodeJS.Platform;
  /** `new Tray()` succeeded. */
  trayCreated: boolean;
  /** Whether the session bus has org.kde.StatusNotifierWatcher; null when that could not be asked. */
  statusNotifierWatcher: boolean | null;
  /** XDG_CURRENT_DESKTOP, e.g. "ubuntu:GNOME", "GNOME", "KDE". */
  currentDesktop: string;
}

export function trayShown(f: TrayFacts): boolean {
  if (!f.trayCreated) return false;
  if (f.platform !== 'linux') return true;
  if (f.statusNotifierWatcher !== null) return f.statusNotifierWatcher;
  // Not known: plain GNOME shows no tray icons; Ubuntu's GNOME and the other desktops do.
  const desktops = f.currentDesktop.toLowerCase().split(':');
  return !(desktops.includes('gnome') && !desktops.includes('ubuntu'));
}

/** What closing the last window does: keep running in the tray (macOS: in the Dock), or quit after the core flushes. */
export function closeLastWindow(f: { platform: NodeJS.Platform; trayShown: boolean }): 'keep-running' | 'quit' {
  if (f.platform === 'darwin') return 'keep-running';
  return f.trayShown ? 'keep-running' : 'quit';
}

/** Asks the session bus whether a StatusNotifierWatcher is there (gdbus, part of GLib); null when it cannot be asked. */
export function hasStatusNotifierWatcher(timeoutMs = 2000): Promise<boolean | null> {
  return new Promise((resolve) => {
    execFile(
      'gdbus',
      ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.NameHasOwner', 'org.kde.StatusNotifierWatcher'],
      { timeout: timeoutMs },
      (error, stdout) => {
        if (error) return resolve(null);
        resolve(parseNameHasOwner(stdout));
      },
    );
  });
}

/** gdbus prints "(true,)" or "(false,)". */
export function parseNameHasOwner(stdout: string): boolean | null {
  const m = /^\((true|false),\)$/.exec(stdout.trim());
  return m ? m[1] === 'true' : null;
}
