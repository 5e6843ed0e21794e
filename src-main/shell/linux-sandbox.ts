import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether Chromium's sandbox can start on this Linux machine, from readings of /proc and of
 * chrome-sandbox. It needs unprivileged user namespaces, or else the SUID helper
 * chrome-sandbox (root-owned, mode 4755). Ubuntu 24.04 lets AppArmor block the namespaces
 * for programs without a profile (the deb installs one; the AppImage and a checkout have
 * none), and an AppImage is mounted nosuid, so its helper can never be SUID: Chromium then
 * aborts with "No usable sandbox" before the app's own code runs. Hence this is checked
 * before Electron starts (`npm start`), and explained once it runs without the sandbox.
 */
export interface SandboxFacts {
  platform: NodeJS.Platform;
  /** /proc/sys/kernel/apparmor_restrict_unprivileged_userns ("1": blocked), null where absent. */
  apparmorRestrictsUserns: string | null;
  /** /proc/sys/kernel/unprivileged_userns_clone (Debian's switch, "0": off), null where absent. */
  unprivilegedUsernsClone: string | null;
  /** /proc/sys/user/max_user_namespaces ("0": none), null where absent. */
  maxUserNamespaces: string | null;
  /** The AppImage this runs from ($APPIMAGE), if any. */
  appImage: string | null;
  /** chrome-sandbox beside the Electron binary: its owner and mode, or null when missing. */
  chromeSandbox: { uid: number; mode: number } | null;
  /** An AppArmor profile lets this binary use user namespaces (the deb installs /etc/apparmor.d/motif-control). */
  apparmorProfile: boolean;
}

export type SandboxVerdict = { ok: true } | { ok: false; reason: string; fix: string };

/** How Motif Control was started, for the fix line. */
export type LaunchKind = 'appimage' | 'installed' | 'checkout';

export function sandboxVerdict(f: SandboxFacts, launch: LaunchKind): SandboxVerdict {
  if (f.platform !== 'linux') return { ok: true };
  const apparmorBlocks = f.apparmorRestrictsUserns?.trim() === '1' && !f.apparmorProfile;
  const kernelBlocks = f.unprivilegedUsernsClone?.trim() === '0' || f.maxUserNamespaces?.trim() === '0';
  if (!apparmorBlocks && !kernelBlocks) return { ok: true };
  const suid = f.chromeSandbox !== null && f.chromeSandbox.uid === 0 && (f.chromeSandbox.mode & 0o4000) !== 0;
  if (suid && !f.appImage) return { ok: true };
  const why = apparmorBlocks
    ? 'AppArmor blocks the unprivileged user namespaces it needs (kernel.apparmor_restrict_unprivileged_userns=1, as on Ubuntu 24.04)'
    : 'the kernel allows no unprivileged user namespaces, which it needs';
  const helper = f.appImage ? 'an AppImage cannot use the SUID helper instead' : 'chrome-sandbox is not set up as the SUID helper instead';
  const reason = `Chromium's sandbox cannot start here: ${why}, and ${helper}`;
  const tradeOff = "which runs the window without Chromium's sandbox: a page that broke out of it would have your user's rights";
  switch (launch) {
    case 'appimage':
      return { ok: false, reason, fix: `install the .deb instead (it brings an AppArmor profile for the sandbox), or start the AppImage with --no-sandbox, ${tradeOff}` };
    case 'installed':
      return { ok: false, reason, fix: 'reinstall the .deb (its AppArmor profile lets the sandbox start)' };
    case 'checkout': {
      const helperPath = f.chromeSandbox ? 'node_modules/electron/dist/chrome-sandbox' : null;
      return {
        ok: false,
        reason,
        fix:
          (helperPath ? `sudo chown root:root ${helperPath} && sudo chmod 4755 ${helperPath} (once), or ` : '') +
          `npm start -- --no-sandbox, ${tradeOff}; npm run browser needs neither`,
      };
    }
  }
}

/** What the app says while it runs without the sandbox (it was started with --no-sandbox). */
export function unsandboxedLine(verdict: SandboxVerdict, launch: LaunchKind): string {
  const trade = "a page that broke out of the window's renderer would have your user's rights";
  if (verdict.ok) return `Motif Control runs without Chromium's sandbox (it was started with --no-sandbox): ${trade}. Start it without --no-sandbox.`;
  const how = launch === 'appimage' ? " (this AppImage's launcher adds --no-sandbox where the sandbox cannot start)" : '';
  return `Motif Control runs without Chromium's sandbox${how}: ${verdict.reason}; ${trade}. For the sandbox: ${launch === 'appimage' ? 'install the .deb instead' : verdict.fix}.`;
}

/** File readings, injected so the facts can be tested. */
export interface SandboxIo {
  read(file: string): string | null;
  stat(file: string): { uid: number; mode: number } | null;
}

export const nodeSandboxIo: SandboxIo = {
  read: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  },
  stat: (file) => {
    try {
      const s = statSync(file);
      return { uid: s.uid, mode: s.mode };
    } catch {
      return null;
    }
  },
};

/** The facts for the Electron binary at `electronPath` (its folder holds chrome-sandbox). */
export function readSandboxFacts(
  electronPath: string,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform,
  io: SandboxIo = nodeSandboxIo,
  profileName = 'motif-control',
): SandboxFacts {
  const profile = io.read(`/etc/apparmor.d/${profileName}`);
  return {
    platform,
    apparmorRestrictsUserns: io.read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    unprivilegedUsernsClone: io.read('/proc/sys/kernel/unprivileged_userns_clone'),
    maxUserNamespaces: io.read('/proc/sys/user/max_user_namespaces'),
    appImage: env.APPIMAGE || null,
    chromeSandbox: io.stat(path.join(path.dirname(electronPath), 'chrome-sandbox')),
    // The deb's profile names the installed binary; it does not cover an AppImage or a checkout.
    apparmorProfile: profile !== null && profile.includes(`"${electronPath}"`) && /\buserns\b/.test(profile),
  };
}
