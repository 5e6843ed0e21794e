import { app } from 'electron';
import ElectronStore from 'electron-store';
import { appConfigDir } from '../core/config-dir';
import type { StoreFactory } from '../core/registry/conf-store-factory';

/** The core's config store on electron-store: the same folder, file name and schema as the CLI's conf. */
export const electronStoreFactory: StoreFactory = (options) =>
  new ElectronStore({
    cwd: options.cwd,
    name: options.configName,
    schema: options.schema,
    clearInvalidConfig: options.clearInvalidConfig,
  });

/** Electron's userData is the app's config folder; `appConfigDir()` names the same folder for the CLI. */
export function shellConfigDir(env: Record<string, string | undefined> = process.env): string {
  return env.MOTIF_CONTROL_CONFIG_DIR ? appConfigDir(env) : app.getPath('userData');
}
