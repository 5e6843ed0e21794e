import { app } from 'electron';
import ElectronStore from 'electron-store';
import { appConfigDir } from '../core/config-dir';
import type { StoreFactory } from '../core/registry/conf-store-factory';
import { SHELL_DEFAULTS, SHELL_SETTINGS_SCHEMA, type SettingsStore, type ShellSettings } from './shell-settings';

/** The core's config store on electron-store: the same folder, file name and schema as the CLI's conf. */
export const electronStoreFactory: StoreFactory = (options) =>
  new ElectronStore({
    cwd: options.cwd,
    name: options.configName,
    schema: options.schema,
    clearInvalidConfig: options.clearInvalidConfig,
    ajvOptions: options.ajvOptions,
  });

/** Electron's userData is the app's config folder; `appConfigDir()` names the same folder for the CLI. */
export function shellConfigDir(env: Record<string, string | undefined> = process.env): string {
  return env.MOTIF_CONTROL_CONFIG_DIR ? appConfigDir(env) : app.getPath('userData');
}

/** The shell's own settings file (`shell.json`) in `configDir`; a file that breaks the schema is set aside and the defaults used. */
export function openShellSettings(configDir: string): SettingsStore {
  const store = new ElectronStore<ShellSettings>({
    cwd: configDir,
    name: 'shell',
    defaults: SHELL_DEFAULTS,
    // electron-store's schema type is stricter than this plain JSON Schema; it is checked at run time.
    schema: SHELL_SETTINGS_SCHEMA as never,
    clearInvalidConfig: true,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
