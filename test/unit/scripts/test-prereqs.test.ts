import { describe, expect, it } from 'vitest';
import { planPrereqs, type Facts } from '../../../scripts/test-prereqs.mjs';

const ready: Facts = {
  platform: 'linux',
  isRoot: false,
  canSudo: false,
  hasAptGet: true,
  chromiumPath: undefined,
  chromium: true,
  libsecret: true,
  pkgConfig: true,
  keyringDaemon: true,
  dbusRunSession: true,
  dbusLaunch: true,
  keytarPresent: true,
  keytarLoads: true,
  insideKeyring: false,
};
// A new lab PC: Node, npm and a compiler; npm left keytar out for want of libsecret.
const fresh: Facts = {
  ...ready,
  chromium: false,
  libsecret: false,
  keyringDaemon: false,
  dbusRunSession: false,
  dbusLaunch: false,
  keytarPresent: false,
  keytarLoads: false,
};

describe("npm test's prerequisites", () => {
  it('runs the suite in a throwaway keyring session when all is there, or directly when already inside one', () => {
    expect(planPrereqs(ready)).toEqual({ install: [], installVia: null, keytar: 'ok', wrap: true });
    expect(planPrereqs({ ...ready, insideKeyring: true })).toMatchObject({ wrap: false });
  });

  it('on a fresh machine as root: installs every package, then keytar', () => {
    expect(planPrereqs({ ...fresh, isRoot: true })).toEqual({
      install: ['chromium', 'libsecret-1-dev', 'gnome-keyring', 'dbus', 'dbus-x11'],
      installVia: 'root',
      keytar: 'install',
      wrap: true,
    });
    expect(planPrereqs({ ...fresh, canSudo: true, keytarPresent: true })).toMatchObject({ installVia: 'sudo', keytar: 'rebuild' });
  });

  it('without root or sudo: stops at once, naming the one command', () => {
    expect(planPrereqs(fresh)).toEqual({
      stop:
        'npm test needs chromium, libsecret-1-dev, gnome-keyring, dbus, dbus-x11, which only root can install: run  ' +
        'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium libsecret-1-dev gnome-keyring dbus dbus-x11 && npm test',
    });
  });

  it('takes CHROMIUM_PATH instead of Debian\'s Chromium, and stops when it names nothing', () => {
    expect(planPrereqs({ ...ready, chromiumPath: '/opt/chrome/chrome' })).toMatchObject({ install: [] });
    expect(planPrereqs({ ...ready, chromiumPath: '/nowhere', chromium: false })).toEqual({ stop: expect.stringContaining('CHROMIUM_PATH=/nowhere does not exist') });
  });

  it('stops on a Linux without apt-get, and needs only a Chromium on macOS and Windows', () => {
    expect(planPrereqs({ ...fresh, hasAptGet: false, isRoot: true })).toEqual({ stop: expect.stringContaining('has no apt-get') });
    const mac: Facts = { ...fresh, platform: 'darwin', chromium: false, keytarPresent: true, keytarLoads: true };
    expect(planPrereqs(mac)).toEqual({ stop: expect.stringContaining('CHROMIUM_PATH=') });
    expect(planPrereqs({ ...mac, chromium: true, chromiumPath: '/Applications/Chromium.app/Contents/MacOS/Chromium' })).toEqual({
      install: [],
      installVia: null,
      keytar: 'ok',
      wrap: false,
    });
  });
});
