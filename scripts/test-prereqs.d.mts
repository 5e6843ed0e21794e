/** What scripts/test-prereqs.mjs finds on the machine. */
export interface Facts {
  platform: NodeJS.Platform;
  isRoot: boolean;
  canSudo: boolean;
  hasAptGet: boolean;
  /** CHROMIUM_PATH, when set. */
  chromiumPath: string | undefined;
  /** CHROMIUM_PATH or /usr/bin/chromium exists. */
  chromium: boolean;
  libsecret: boolean;
  pkgConfig: boolean;
  keyringDaemon: boolean;
  dbusRunSession: boolean;
  dbusLaunch: boolean;
  keytarPresent: boolean;
  keytarLoads: boolean;
  insideKeyring: boolean;
}

export type Plan =
  | { stop: string }
  | { install: string[]; installVia: 'root' | 'sudo' | null; keytar: 'ok' | 'install' | 'rebuild'; wrap: boolean };

export const LINUX_PACKAGES: Record<string, string>;
export function planPrereqs(facts: Facts): Plan;
export function gatherFacts(env?: NodeJS.ProcessEnv): Facts;
