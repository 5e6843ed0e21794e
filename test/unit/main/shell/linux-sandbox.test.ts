import { describe, expect, it } from 'vitest';
import { readSandboxFacts, sandboxVerdict, unsandboxedLine, type SandboxFacts, type SandboxIo } from '../../../../src-main/shell/linux-sandbox';

/** Ubuntu 24.04 as shipped: AppArmor restricts user namespaces; chrome-sandbox as npm or an unpacked build leaves it. */
const ubuntu2404: SandboxFacts = {
  platform: 'linux',
  apparmorRestrictsUserns: '1\n',
  unprivilegedUsernsClone: '1\n',
  maxUserNamespaces: '63000\n',
  appImage: null,
  chromeSandbox: { uid: 1000, mode: 0o100755 },
  apparmorProfile: false,
};
const suidHelper = { uid: 0, mode: 0o104755 };

describe("Chromium's sandbox on Linux", () => {
  it('cannot start on Ubuntu 24.04 from a checkout or an AppImage, and says the fix in one line', () => {
    const checkout = sandboxVerdict(ubuntu2404, 'checkout');
    expect(checkout).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Chromium's sandbox cannot start here: AppArmor blocks .*apparmor_restrict_unprivileged_userns=1.*chrome-sandbox is not set up/),
      fix: expect.stringMatching(/chmod 4755 node_modules\/electron\/dist\/chrome-sandbox.*npm start -- --no-sandbox, which runs the window without Chromium's sandbox/),
    });
    const appImage = sandboxVerdict({ ...ubuntu2404, appImage: '/home/lab/motif.AppImage', chromeSandbox: suidHelper }, 'appimage');
    expect(appImage).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/an AppImage cannot use the SUID helper/),
      fix: expect.stringMatching(/^install the \.deb instead .*or start the AppImage with --no-sandbox, which runs the window without Chromium's sandbox: a page that broke out of it would have your user's rights$/),
    });
    for (const v of [checkout, appImage]) if (!v.ok) expect(`${v.reason}. Fix: ${v.fix}`).not.toContain('\n');
    // Debian's own switch, and no namespaces at all.
    expect(sandboxVerdict({ ...ubuntu2404, apparmorRestrictsUserns: null, unprivilegedUsernsClone: '0' }, 'checkout')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/kernel allows no unprivileged user namespaces/),
    });
    expect(sandboxVerdict({ ...ubuntu2404, apparmorRestrictsUserns: null, maxUserNamespaces: '0' }, 'installed').ok).toBe(false);
  });

  it('can start where namespaces are allowed, where the SUID helper is set up, or under the deb\'s AppArmor profile', () => {
    expect(sandboxVerdict({ ...ubuntu2404, apparmorRestrictsUserns: '0\n' }, 'checkout')).toEqual({ ok: true });
    expect(sandboxVerdict({ ...ubuntu2404, apparmorRestrictsUserns: null, unprivilegedUsernsClone: null }, 'checkout')).toEqual({ ok: true });
    expect(sandboxVerdict({ ...ubuntu2404, chromeSandbox: suidHelper }, 'checkout')).toEqual({ ok: true });
    expect(sandboxVerdict({ ...ubuntu2404, apparmorProfile: true }, 'installed')).toEqual({ ok: true });
    expect(sandboxVerdict({ ...ubuntu2404, platform: 'darwin' }, 'installed')).toEqual({ ok: true });
  });

  it('reads /proc, chrome-sandbox beside the binary and the deb\'s profile for that binary', () => {
    const files: Record<string, string> = {
      '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n',
      '/etc/apparmor.d/motif-control': 'abi <abi/4.0>,\nprofile "motif-control" "/opt/Motif Control/motif-control" flags=(unconfined) {\n  userns,\n}\n',
    };
    const io: SandboxIo = {
      read: (file) => files[file] ?? null,
      stat: (file) => (file === '/opt/Motif Control/chrome-sandbox' ? { uid: 0, mode: 0o100755 } : null),
    };
    const installed = readSandboxFacts('/opt/Motif Control/motif-control', {}, 'linux', io);
    expect(installed).toEqual({
      platform: 'linux',
      apparmorRestrictsUserns: '1\n',
      unprivilegedUsernsClone: null,
      maxUserNamespaces: null,
      appImage: null,
      chromeSandbox: { uid: 0, mode: 0o100755 },
      apparmorProfile: true,
    });
    expect(sandboxVerdict(installed, 'installed')).toEqual({ ok: true });
    // The same profile does not cover an AppImage's binary.
    const appImage = readSandboxFacts('/tmp/.mount_motif/motif-control', { APPIMAGE: '/home/lab/motif.AppImage' }, 'linux', io);
    expect(appImage).toMatchObject({ apparmorProfile: false, appImage: '/home/lab/motif.AppImage', chromeSandbox: null });
    expect(sandboxVerdict(appImage, 'appimage').ok).toBe(false);
  });

  it('says, while it runs unsandboxed, why and how to get the sandbox back', () => {
    const appImage = { ...ubuntu2404, appImage: '/home/lab/motif.AppImage' };
    expect(unsandboxedLine(sandboxVerdict(appImage, 'appimage'), 'appimage')).toMatch(
      /^Motif Control runs without Chromium's sandbox \(this AppImage's launcher adds --no-sandbox where the sandbox cannot start\): Chromium's sandbox cannot start here: .*your user's rights\. For the sandbox: install the \.deb instead\.$/,
    );
    expect(unsandboxedLine({ ok: true }, 'installed')).toMatch(/it was started with --no-sandbox.*Start it without --no-sandbox\.$/);
  });
});
