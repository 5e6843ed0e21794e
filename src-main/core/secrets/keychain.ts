import { appMeta } from '../app-meta';

/** The OS keychain as keytar exposes it; tests may pass a failing one. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The keychain entries' service name; the account is the rig id. */
export const KEYCHAIN_SERVICE = appMeta.name;

type Keytar = Keychain;
let keytarModule: Promise<Keytar> | undefined;

// Loaded on first use: the native module needs libsecret, which a headless CLI box may lack.
function keytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m) => (m as { default?: Keytar }).default ?? (m as unknown as Keytar));
  return keytarModule;
}

/** keytar: macOS Keychain, Windows Credential Vault, the Secret Service (GNOME Keyring, KWallet) on Linux. */
export const keytarKeychain: Keychain = {
  getPassword: async (service, account) => (await keytar()).getPassword(service, account),
  setPassword: async (service, account, password) => (await keytar()).setPassword(service, account, password),
  deletePassword: async (service, account) => (await keytar()).deletePassword(service, account),
};
