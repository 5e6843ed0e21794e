import { describe, expect, it } from 'vitest';
import { appConfigDir } from '../../../../src-main/core/config-dir';

describe('appConfigDir', () => {
  it("follows each platform's convention for Electron's userData of \"Motif Control\"", () => {
    expect(appConfigDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Motif Control');
    expect(appConfigDir({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/ana')).toBe('/data/cfg/Motif Control');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(appConfigDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/ana')).toBe('/home/ana/.config/Motif Control');
    expect(appConfigDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Motif Control');
    expect(appConfigDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Motif Control',
    );
  });

  it('takes MOTIF_CONTROL_CONFIG_DIR over everything', () => {
    expect(appConfigDir({ MOTIF_CONTROL_CONFIG_DIR: '/tmp/motif-test', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/ana')).toBe('/tmp/motif-test');
  });
});
