import { execFile, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimFleet, SimRig } from '../../../../../src-main/sim';
import { startFleet } from '../../core/motif-api/sim-fixture';

/** The real binary path: `npx tsx src-main/cli/motifctl.ts ...` in its own process. */
function motifctl(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src-main/cli/motifctl.ts', ...args],
      { cwd: process.cwd(), env: { ...process.env, MOTIF_HOST: '', MOTIF_PORT: '', MOTIF_API_KEY: '', MOTIF_FINGERPRINT: '', MOTIF_CA: '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let fleet: SimFleet;
let rig: SimRig;
let env: Record<string, string>;

beforeAll(async () => {
  fleet = await startFleet(1);
  rig = fleet.rigs[0]!;
  env = { MOTIF_HOST: rig.info.host, MOTIF_PORT: String(rig.info.port), MOTIF_API_KEY: rig.info.apiKey };
});
afterAll(async () => {
  await fleet.stop();
});

// Each test starts motifctl processes (tsx compiles on start): a minute each, as the keychain tests allow.
describe('motifctl as a process', { timeout: 60_000 }, () => {
  it('ends quietly when the reader of its output goes away (motifctl ... | head)', async () => {
    const child = spawn('npx', ['tsx', 'src-main/cli/motifctl.ts', 'cron', '* * * * * *', '--next', '10000'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Like head: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('prints JSON on stdout and exits 0, trusting the rig by CA file', async () => {
    const r = await motifctl(['call', 'cameras', '--ca', rig.info.certPath], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cameras: [{ serial: 'FAKE0' }, { serial: 'FAKE1' }] });
  });

  it('starts a recording with flags and the pinned fingerprint from trust --pin', async () => {
    const pin = await motifctl(['trust', '--pin'], env);
    expect(pin.code).toBe(0);
    const r = await motifctl(['record', 'start', '--codec', 'high', '--duration', '5', '--fingerprint', pin.stdout.trim()], env);
    expect(r.code).toBe(0);
    expect(rig.events().filter((e) => e.endpoint === 'recording/start').at(-1)?.args).toEqual({ codec: 'high', duration: 5 });
  });

  it('exits 4 with a sentence on stderr when the certificate is not trusted', async () => {
    const r = await motifctl(['status'], env);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not trust.*\[tls-untrusted\]/);
  });

  it('exits 2 on a usage error and 3 when nothing listens', async () => {
    expect((await motifctl(['record', 'begin'], env)).code).toBe(2);
    const off = await motifctl(['status', '--port', '1', '--fingerprint', rig.info.fingerprint256], env);
    expect(off.code).toBe(3);
    expect(off.stderr).toMatch(/connection refused/);
  });
});
