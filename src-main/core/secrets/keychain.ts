import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appMeta } from '../app-meta';

/** The OS keychain as keytar exposes it; tests may pass a failing one. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  /** Every entry of the service in one call: a fleet's keys read at once, not one round trip each. */
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The keychain entries' service name; the account is the rig id. */
export const KEYCHAIN_SERVICE = appMeta.name;

type Keytar = Keychain;

/** Why keytar cannot be loaded here, and the one command that fixes it. */
export interface KeytarProblem {
  /** Plain words: what is missing. */
  reason: string;
  /** One shell command, run in the project folder, that makes keytar load. */
  fix: string;
}

export interface Platform {
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** Whether Debian's apt-get is there (the install command to name on Linux). */
  hasAptGet: boolean;
  /**
   * An installed app (the deb, AppImage, NSIS or dmg: Electron's `app.isPackaged`), where
   * keytar ships built and there is no project folder to run npm in; false from source.
   */
  installed?: boolean;
}

/**
 * What a failed `require('keytar')` means, in words and one command. keytar is an optional
 * dependency: where its native build fails (on Linux, for want of libsecret's headers) npm
 * carries on without it, so "not found" means "not built", not "not wanted".
 */
export function explainKeytarFailure(error: unknown, host: Platform): KeytarProblem {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const sudo = host.isRoot ? '' : 'sudo ';
  if (host.installed) return explainInstalledFailure(message, host);
  // Linux builds keytar from source against libsecret; macOS and Windows get a prebuilt binary or compile it.
  const headers =
    host.platform === 'linux' && host.hasAptGet ? `${sudo}apt-get update && ${sudo}apt-get install -y libsecret-1-dev && ` : '';
  const toolchain =
    host.platform === 'linux'
      ? host.hasAptGet
        ? " (libsecret's headers were missing when npm installed it)"
        : " (libsecret's development package, e.g. libsecret-devel, was missing when npm installed it)"
      : host.platform === 'darwin'
        ? ' (no prebuilt binary could be fetched and Xcode command line tools were missing)'
        : host.platform === 'win32'
          ? ' (no prebuilt binary could be fetched and Visual Studio Build Tools were missing)'
          : '';
  if (/libsecret-1\.so/.test(message)) {
    return {
      reason: 'keytar is built but the libsecret library is missing',
      fix: host.hasAptGet ? `${sudo}apt-get install -y libsecret-1-0` : "install libsecret (the Secret Service client library)",
    };
  }
  const notInstalled = (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && /['"]keytar['"]/.test(message);
  if (notInstalled) {
    return {
      reason: `keytar, the keychain module, was not built${toolchain}`,
      fix: `${headers}npm install`,
    };
  }
  return {
    reason: `keytar, the keychain module, does not load (${firstLine(message)})`,
    fix: `${headers}npm rebuild keytar`,
  };
}

/**
 * The same for an installed app: keytar came built inside it, so what can be missing is the
 * system's part: libsecret, and on Linux a Secret Service (gnome-keyring) for it to reach.
 */
function explainInstalledFailure(message: string, host: Platform): KeytarProblem {
  const sudo = host.isRoot ? '' : 'sudo ';
  const restart = ', then restart Motif Control';
  if (host.platform === 'linux') {
    const install = host.hasAptGet
      ? `${sudo}apt-get install -y libsecret-1-0 gnome-keyring`
      : 'install libsecret and gnome-keyring (or KWallet) with the system\'s package manager';
    return /libsecret-1\.so/.test(message)
      ? { reason: 'the libsecret library (libsecret-1-0), which the keychain module needs, is not installed', fix: `${install}${restart}` }
      : { reason: `the keychain module does not load (${firstLine(message)})`, fix: `${install}${restart}; if it still fails, reinstall Motif Control` };
  }
  return { reason: `the keychain module does not load (${firstLine(message)})`, fix: 'reinstall Motif Control (the keychain module comes with it)' };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** Set by the desktop shell before the keychain is first used: whether this is an installed app. */
let installedApp = false;

/** The shell says whether it runs installed (Electron's `app.isPackaged`); the core cannot ask Electron. */
export function setInstalledApp(installed: boolean): void {
  installedApp = installed;
}

export function currentPlatform(): Platform {
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasAptGet: hasAptGet(),
    installed: installedApp,
  };
}

function hasAptGet(): boolean {
  if (process.platform !== 'linux') return false;
  return (process.env.PATH ?? '/usr/bin:/bin').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, 'apt-get')));
}

// A plain require: keytar is CommonJS, and a missing optional dependency must not break
// bundling or type-checking (esbuild keeps packages external; tsc sees no import of it).
const require_ = createRequire(import.meta.url);

/** The error from loading keytar, worded with its fix; thrown by every keychain call while keytar is missing. */
export class KeytarUnavailableError extends Error {
  constructor(readonly problem: KeytarProblem, options?: ErrorOptions) {
    super(`${problem.reason}; to fix it run: ${problem.fix}`, options);
    this.name = 'KeytarUnavailableError';
  }
}

let keytarModule: { ok: true; keytar: Keytar } | { ok: false; error: KeytarUnavailableError } | undefined;

// Loaded on first use: the native module needs libsecret, which a headless CLI box may lack.
function loadKeytar(load: () => unknown = () => require_('keytar')): typeof keytarModule & object {
  if (keytarModule) return keytarModule;
  try {
    const m = load() as { default?: Keytar } & Keytar;
    keytarModule = { ok: true, keytar: m.default ?? m };
  } catch (e) {
    keytarModule = { ok: false, error: new KeytarUnavailableError(explainKeytarFailure(e, currentPlatform()), { cause: e }) };
  }
  return keytarModule;
}

async function keytar(): Promise<Keytar> {
  const loaded = loadKeytar();
  if (!loaded.ok) throw loaded.error;
  return loaded.keytar;
}

/**
 * Whether the keychain module loads; when it does not, the problem with its fix. Asks
 * nothing of the keychain itself (no unlock prompt at start-up).
 */
export function keytarProblem(): KeytarProblem | null {
  const loaded = loadKeytar();
  return loaded.ok ? null : loaded.error.problem;
}

/**
 * The one start-up line when the OS keychain cannot be used at all, or null when it can.
 * The app goes on: API keys can be kept for the session only.
 */
export function keychainStartupLine(problem: KeytarProblem | null = keytarProblem()): string | null {
  if (!problem) return null;
  return `OS keychain unavailable: ${problem.reason}; API keys can be kept for this session only. Fix: ${problem.fix}`;
}

/** keytar: macOS Keychain, Windows Credential Vault, the Secret Service (GNOME Keyring, KWallet) on Linux. */
export const keytarKeychain: Keychain = {
  getPassword: async (service, account) => (await keytar()).getPassword(service, account),
  findCredentials: async (service) => (await keytar()).findCredentials(service),
  setPassword: async (service, account, password) => (await keytar()).setPassword(service, account, password),
  deletePassword: async (service, account) => (await keytar()).deletePassword(service, account),
};

/** For tests: forget the loaded module and load with `load` next time. */
export function reloadKeytarForTests(load?: () => unknown): void {
  keytarModule = undefined;
  if (load) loadKeytar(load);
}
