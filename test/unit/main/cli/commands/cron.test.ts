import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../../src-main/cli/program';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => { out += t; }, err: (t) => { err += t; }, env: {} });
  return { code, out, err };
}

describe('motifctl cron (in-process)', () => {
  it('prints validity, meaning and the next fire times with offsets', async () => {
    const r = await run('cron', '0 6-16 * * * *', '--from', '2019-05-17T09:00:00Z', '--next', '2', '--tz', 'Europe/Berlin');
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      'valid: yes',
      'meaning: at second 0 of minutes 6 through 16 of every hour',
      'next 2 fire times after 2019-05-17T11:00:00+02:00 (Europe/Berlin):',
      '  2019-05-17T11:06:00+02:00',
      '  2019-05-17T11:07:00+02:00',
      '',
    ].join('\n'));
  });

  it('reads camera-relative expressions with --relative-to', async () => {
    const r = await run('cron', '0 5 * ? * * *', '--relative-to', '2019-05-17T13:14:00Z', '--from', '2019-05-17T13:14:00Z', '--next', '2', '--tz', 'UTC', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      valid: true,
      description: 'at second 0 of minute 5 of every hour, relative to the recording start',
      times: ['2019-05-17T13:19:00Z', '2019-05-17T14:19:00Z'],
      exhausted: false,
    });
  });

  it('lists camera-relative fire times only after the recording start, whatever --from says', async () => {
    const before = await run('cron', '0 * * ? * * *', '--relative-to', '2026-01-01T10:00:00Z', '--from', '2026-01-01T06:00:00Z', '--next', '3', '--tz', 'UTC');
    expect(before.code).toBe(0);
    expect(before.out).not.toMatch(/-\d\d:\d\d:\d\d after the start/);
    expect(before.out).toContain('2026-01-01T10:01:00Z  (+00:01:00 after the start)');
    const unset = await run('cron', '0 * * ? * * *', '--relative-to', '2026-01-01T10:00:00Z', '--next', '1', '--tz', 'UTC', '--json');
    expect(JSON.parse(unset.out)).toMatchObject({ times: ['2026-01-01T10:01:00Z'] });
  });

  it('exits 2 with the error on stderr for an invalid expression', async () => {
    const r = await run('cron', '0 61 * * * *');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/invalid cron expression: In the minute field, "61" is out of range/);
  });

  it('exits 2 for bad flags', async () => {
    expect((await run('cron', '* * * * * *', '--tz', 'Nowhere/Land')).code).toBe(2);
    expect((await run('cron', '* * * * * *', '--next', '0')).code).toBe(2);
    expect((await run('cron', '* * * * * *', '--from', 'yesterday-ish')).code).toBe(2);
    expect((await run('cron')).code).toBe(2);
  });

  it('says when fewer fire times exist', async () => {
    const r = await run('cron', '0 0 0 30 2 ?', '--tz', 'UTC');
    expect(r.code).toBe(0);
    expect(r.out).toContain('no more fire times: No date ever matches: February never has day 30.');
  });
});

describe('motifctl cron (spawned)', () => {
  const exec = promisify(execFile);
  const motifctl = (...args: string[]) => exec('npx', ['tsx', 'src-main/cli/motifctl.ts', 'cron', ...args], { cwd: process.cwd() });

  it('prints fire times and exits 0', async () => {
    const { stdout } = await motifctl('%2 * * ? * * *', '--relative-to', '2024-01-01T00:00:00Z', '--from', '2024-01-01T00:00:00Z', '--next', '2', '--tz', 'UTC');
    expect(stdout).toContain('  2024-01-01T00:00:02Z  (+00:00:02 after the start)');
    expect(stdout).toContain('  2024-01-01T00:00:04Z  (+00:00:04 after the start)');
  });

  it('exits 2 with the error on stderr', async () => {
    await expect(motifctl('* * * L * L')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/day-of-week field, "L"/) });
  });
});
