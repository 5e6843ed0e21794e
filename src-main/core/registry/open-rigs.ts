import { appConfigDir } from '../config-dir';
import { NoticeBoard } from '../notice-board';
import { ConfigFile } from './config-file';
import { confStoreFactory, type StoreFactory } from './conf-store-factory';
import { RigConnector, type ClientFactory } from './rig-connector';
import { RigRegistry } from './rig-registry';
import { SecretStore } from '../secrets/secret-store';

export interface RigsOptions {
  /** Default: `appConfigDir()`, shared by the app, browser mode and the CLI. */
  configDir?: string;
  /** Default: conf; the Electron shell passes electron-store. */
  store?: StoreFactory;
  /** Default: keytar. */
  secrets?: SecretStore;
  notices?: NoticeBoard;
  timeoutMs?: number;
  /** Follow changes other processes make to the rig list (the app: yes; a CLI command: no). */
  watch?: boolean;
  /** How each rig's client is built (the app's writes every command to the audit log). */
  createClient?: ClientFactory;
}

/** Everything about configured rigs, wired once for the app core or the CLI. */
export interface Rigs {
  registry: RigRegistry;
  secrets: SecretStore;
  connector: RigConnector;
  notices: NoticeBoard;
  close(): Promise<void>;
}

export function openRigs(options: RigsOptions = {}): Rigs {
  const notices = options.notices ?? new NoticeBoard();
  const file = new ConfigFile({
    configDir: options.configDir ?? appConfigDir(),
    factory: options.store ?? confStoreFactory,
    notices,
  });
  const registry = new RigRegistry(file);
  const secrets = options.secrets ?? new SecretStore();
  const connector = new RigConnector(registry, secrets, { timeoutMs: options.timeoutMs, createClient: options.createClient });
  const stopWatching = options.watch ? registry.watchFile() : () => {};
  return {
    registry,
    secrets,
    connector,
    notices,
    close: async () => {
      stopWatching();
      await connector.close();
    },
  };
}
