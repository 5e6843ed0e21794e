import { homedir } from 'node:os';
import path from 'node:path';
import { appMeta } from './app-meta';

/**
 * The app's config folder, where Electron keeps `userData` for productName "Motif Control":
 * the app, the CLI and browser mode all read and write the same files there.
 * `MOTIF_CONTROL_CONFIG_DIR` overrides it (tests, portable setups).
 */
export function appConfigDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.MOTIF_CONTROL_CONFIG_DIR;
  if (override) return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appMeta.name);
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), appMeta.name);
  }
  // XDG: an empty or relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(base, appMeta.name);
}
