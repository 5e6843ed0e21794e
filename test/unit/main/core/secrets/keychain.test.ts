import { afterEach, describe, expect, it } from 'vitest';
import {
  explainKeytarFailure,
  keychainStartupLine,
  keytarKeychain,
  keytarProblem,
  reloadKeytarForTests,
  type Platform,
} from '../../../../../src-main/core/secrets/keychain';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';

const debianUser: Platform = { platform: 'linux', isRoot: false, hasAptGet: true };
const notFound = () => Object.assign(new Error("Cannot find module 'keytar'\nRequire stack:\n- /app/dist/main/main.js"), { code: 'MODULE_NOT_FOUND' });

afterEach(() => reloadKeytarForTests());

describe('a keychain module that does not load', () => {
  it('says keytar was not built for want of libsecret headers, with the one command that fixes it', () => {
    expect(explainKeytarFailure(notFound(), debianUser)).toEqual({
      reason: "keytar, the keychain module, was not built (libsecret's headers were missing when npm installed it)",
      fix: 'sudo apt-get update && sudo apt-get install -y libsecret-1-dev && npm install',
    });
    expect(explainKeytarFailure(notFound(), { ...debianUser, isRoot: true }).fix).toBe(
      'apt-get update && apt-get install -y libsecret-1-dev && npm install',
    );
    expect(explainKeytarFailure(notFound(), { platform: 'darwin', isRoot: false, hasAptGet: false }).fix).toBe('npm install');
  });

  it('tells a present but unbuilt module (rebuild) and a missing shared library apart', () => {
    const noBinding = Object.assign(new Error("Cannot find module '../build/Release/keytar.node'"), { code: 'MODULE_NOT_FOUND' });
    expect(explainKeytarFailure(noBinding, debianUser)).toMatchObject({
      reason: expect.stringContaining('does not load'),
      fix: expect.stringMatching(/libsecret-1-dev && npm rebuild keytar$/),
    });
    const noLib = new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    expect(explainKeytarFailure(noLib, debianUser).fix).toBe('sudo apt-get install -y libsecret-1-0');
  });

  it('tells an installed app to install libsecret-1-0 and gnome-keyring, never to run npm', () => {
    const installed: Platform = { ...debianUser, installed: true };
    const noLib = new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    expect(explainKeytarFailure(noLib, installed)).toEqual({
      reason: 'the libsecret library (libsecret-1-0), which the keychain module needs, is not installed',
      fix: 'sudo apt-get install -y libsecret-1-0 gnome-keyring, then restart Motif Control',
    });
    for (const error of [notFound(), new Error('Module did not self-register'), noLib]) {
      for (const host of [installed, { ...installed, hasAptGet: false }, { ...installed, platform: 'darwin' as const }, { ...installed, platform: 'win32' as const }]) {
        const { fix } = explainKeytarFailure(error, host);
        expect(fix, `${error.message} on ${host.platform}`).not.toMatch(/npm|libsecret-1-dev/);
      }
    }
    expect(explainKeytarFailure(notFound(), installed).fix).toMatch(/^sudo apt-get install -y libsecret-1-0 gnome-keyring, then restart Motif Control; if it still fails, reinstall Motif Control$/);
    expect(explainKeytarFailure(notFound(), { ...installed, hasAptGet: false }).fix).toMatch(/install libsecret and gnome-keyring/);
    expect(explainKeytarFailure(notFound(), { ...installed, platform: 'win32' }).fix).toBe('reinstall Motif Control (the keychain module comes with it)');
    // From source the words stay those for a checkout.
    expect(explainKeytarFailure(notFound(), { ...debianUser, installed: false }).fix).toMatch(/npm install$/);
  });

  it('loads keytar once: every call then fails as keychain-unavailable, carrying the fix; session keys still work', async () => {
    let loads = 0;
    reloadKeytarForTests(() => {
      loads++;
      throw notFound();
    });
    const problem = keytarProblem();
    expect(problem?.reason).toMatch(/was not built/);
    const line = keychainStartupLine(problem);
    expect(line).toMatch(/^OS keychain unavailable: keytar, the keychain module, was not built .*session only\. Fix: .*npm install$/);
    expect(line?.split('\n')).toHaveLength(1);

    await expect(keytarKeychain.getPassword('s', 'a')).rejects.toThrow(/to fix it run: .*npm install/);
    const store = new SecretStore(keytarKeychain);
    await expect(store.setKey('rig', 'abc')).rejects.toMatchObject({ code: 'keychain-unavailable', message: /npm install/ });
    expect(await store.keyState('rig')).toBe('keychain-unavailable');
    expect(await store.setKey('rig', 'abc', { sessionOnly: true })).toBe('session');
    expect(await store.getKey('rig')).toBe('abc');
    expect(loads).toBe(1);
  });

  it('has nothing to say where keytar loads', () => {
    reloadKeytarForTests(() => ({ getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => true }));
    expect(keytarProblem()).toBeNull();
    expect(keychainStartupLine()).toBeNull();
  });
});
