import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packedExecutable, selfTestLaunch } from '../../../scripts/self-test-packed.mjs';
import { runSelfTest, SELF_TEST_FLAG, type SelfTestCheck } from '../../../src-main/shell/self-test';

describe('the packed app self-test', () => {
  it("finds the unpacked app electron-builder makes on each OS, named as electron-builder.yml names it", () => {
    expect(packedExecutable('linux', 'x64', 'release')).toBe(path.join('release', 'linux-unpacked', 'motif-control'));
    expect(packedExecutable('win32', 'x64', 'release')).toBe(path.join('release', 'win-unpacked', 'Motif Control.exe'));
    expect(packedExecutable('darwin', 'arm64', 'release')).toBe(path.join('release', 'mac-arm64', 'Motif Control.app', 'Contents', 'MacOS', 'Motif Control'));
    expect(packedExecutable('darwin', 'x64', 'release')).toBe(path.join('release', 'mac', 'Motif Control.app', 'Contents', 'MacOS', 'Motif Control'));
    expect(packedExecutable('aix', 'ppc64', 'release')).toBeNull();
  });

  it('launches it with --self-test in a throwaway profile and config, never with --no-sandbox', () => {
    const { args, env } = selfTestLaunch('/tmp/x', { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' });
    expect(args).toEqual([SELF_TEST_FLAG, `--user-data-dir=${path.join('/tmp/x', 'user-data')}`]);
    expect(args.join(' ')).not.toContain('no-sandbox');
    expect(env).toMatchObject({ PATH: '/usr/bin', MOTIF_CONTROL_CONFIG_DIR: path.join('/tmp/x', 'config'), XDG_CONFIG_HOME: path.join('/tmp/x', 'xdg-config') });
    expect(env.ELECTRON_RUN_AS_NODE).toBeUndefined();
  });

  it('exits 0 when every check passes, 1 at the first failure, 2 when one never answers, saying which', async () => {
    const lines: string[] = [];
    const ran: string[] = [];
    const check = (name: string, outcome: 'ok' | 'fail' | 'hang'): SelfTestCheck => [
        name,
        () => {
          ran.push(name);
          if (outcome === 'fail') return Promise.reject(new Error('keytar does not load'));
          if (outcome === 'hang') return new Promise<string>(() => {});
          return Promise.resolve('fine');
        },
      ];
    expect(await runSelfTest([check('window', 'ok'), check('keychain module', 'ok')], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual(['self-test: window: ok (fine)', 'self-test: keychain module: ok (fine)', 'self-test: passed']);
    lines.length = 0;
    expect(await runSelfTest([check('window', 'ok'), check('keychain module', 'fail'), check('tray', 'ok')], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe('self-test: keychain module: FAILED: keytar does not load');
    expect(ran).not.toContain('tray');
    expect(await runSelfTest([check('live-stream utility process', 'hang')], (l) => lines.push(l), 20)).toBe(2);
    expect(lines.at(-1)).toBe('self-test: live-stream utility process: no answer within 0.02 s');
  });
});
