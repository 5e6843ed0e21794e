import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, keytarKeychain } from '../../../../../src-main/core/secrets/keychain';
import type { SimFleet, SimRig } from '../../../../../src-main/sim';
import { startFleet } from '../../core/motif-api/sim-fixture';
import { keychainGate } from '../../core/secrets/keychain-fixture';
import { runRigCommand } from './run-commands';

/** The real binary in its own process, with a piped standard input. */
function motifctl(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src-main/cli/motifctl.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, MOTIF_HOST: '', MOTIF_PORT: '', MOTIF_API_KEY: '', MOTIF_FINGERPRINT: '', MOTIF_CA: '', MOTIF_RIG: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const gate = await keychainGate();

// Each test starts several motifctl processes (about 1.5 s each through tsx): room for a loaded CI machine.
describe.skipIf(gate.skip)('motifctl rigs and --rig NAME with the real keychain and a simulated rig', { timeout: 60_000 }, () => {
  let fleet: SimFleet;
  let sim: SimRig;
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-cli-keychain-'));
  const env = { MOTIF_CONTROL_CONFIG_DIR: dir };
  const outputs: string[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    fleet = await startFleet(1);
    sim = fleet.rigs[0]!;
  });
  afterAll(async () => {
    await fleet.stop();
    await Promise.all(ids.map((id) => keytarKeychain.deletePassword(KEYCHAIN_SERVICE, id).catch(() => false)));
  });

  it('adds a rig by process, the key from standard input going to the keychain only', async () => {
    const add = await motifctl(
      ['rigs', 'add', 'Sim Arena', '--host', sim.info.host, '--port', String(sim.info.port), '--fingerprint', sim.info.fingerprint256, '--simulated'],
      env,
      `${sim.info.apiKey}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const rig = JSON.parse(add.stdout);
    ids.push(rig.id);
    expect(rig).toMatchObject({ name: 'Sim Arena', keyState: 'keychain', simulated: true });
    expect(await keytarKeychain.getPassword('Motif Control', rig.id)).toBe(sim.info.apiKey);
    outputs.push(add.stdout, add.stderr);
  });

  it('talks to the rig with --rig NAME (any case), in-process and as a process', async () => {
    const inProcess = await runRigCommand(['status', '--rig', 'sim arena'], env);
    expect(inProcess.stderr).toBe('');
    expect(inProcess.code).toBe(0);
    expect(JSON.parse(inProcess.stdout).cameras.map((c: { serial: string }) => c.serial)).toEqual(sim.info.serials);
    const byProcess = await motifctl(['call', 'cameras', '--rig', 'Sim Arena'], env);
    expect(byProcess.code).toBe(0);
    expect(JSON.parse(byProcess.stdout).cameras.map((c: { serial: string }) => c.serial)).toEqual(sim.info.serials);
    const viaEnv = await motifctl(['call', 'version'], { ...env, MOTIF_RIG: 'Sim Arena' });
    expect(viaEnv.code).toBe(0);
    const trust = await motifctl(['trust', '--rig', 'Sim Arena', '--pin'], env);
    expect(trust.stdout.trim()).toBe(sim.info.fingerprint256);
    outputs.push(inProcess.stdout, inProcess.stderr, byProcess.stdout, byProcess.stderr, viaEnv.stdout, viaEnv.stderr);
  });

  it('refuses a changed certificate (exit 4, both fingerprints) and a wrong key (exit 5)', async () => {
    const other = 'CD:'.repeat(31) + 'CD';
    expect((await motifctl(['rigs', 'edit', 'Sim Arena', '--fingerprint', other], env)).code).toBe(0);
    const changed = await runRigCommand(['status', '--rig', 'Sim Arena'], env);
    expect(changed.code).toBe(4);
    expect(changed.stderr).toContain(other);
    expect(changed.stderr).toContain(sim.info.fingerprint256);
    expect(changed.stderr).toMatch(/tls-fingerprint-changed/);
    await motifctl(['rigs', 'edit', 'Sim Arena', '--fingerprint', sim.info.fingerprint256, '--set-key'], env, 'not-the-key\n');
    expect((await runRigCommand(['status', '--rig', 'Sim Arena'], env)).code).toBe(5);
    const fixed = await motifctl(['rigs', 'edit', 'Sim Arena', '--set-key'], env, sim.info.apiKey);
    expect(fixed.code).toBe(0);
    expect((await runRigCommand(['status', '--rig', 'Sim Arena'], env)).code).toBe(0);
    outputs.push(changed.stdout, changed.stderr, fixed.stdout);
  });

  it('says what to do when the named rig has no key or is unknown', async () => {
    const noKey = await motifctl(['rigs', 'add', 'Keyless', '--host', 'localhost', '--port', String(sim.info.port), '--fingerprint', sim.info.fingerprint256, '--no-key'], env);
    ids.push(JSON.parse(noKey.stdout).id);
    const r = await runRigCommand(['status', '--rig', 'Keyless'], env);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/No API key for rig "Keyless" in the keychain.*--set-key/) });
    // An explicit --api-key still works for a rig without a stored key.
    expect((await runRigCommand(['status', '--rig', 'Keyless', '--api-key', sim.info.apiKey], env)).code).toBe(0);
    expect(await runRigCommand(['status', '--rig', 'Ghost'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no rig named "Ghost".*Sim Arena/) });
  });

  it('lists, exports and removes by process; the key is in no output and no file, and leaves the keychain on remove', async () => {
    const list = await motifctl(['rigs', 'list'], env);
    const exported = await motifctl(['rigs', 'export'], env);
    expect(JSON.parse(exported.stdout).rigs.map((r: { name: string }) => r.name)).toEqual(['Sim Arena', 'Keyless']);
    outputs.push(list.stdout, list.stderr, exported.stdout, exported.stderr);
    for (const text of outputs) expect(text).not.toContain(sim.info.apiKey);
    for (const f of readdirSync(dir)) expect(readFileSync(path.join(dir, f), 'utf8')).not.toContain(sim.info.apiKey);
    const id = JSON.parse(list.stdout)[0].id;
    const removed = await motifctl(['rigs', 'remove', 'Sim Arena'], env);
    expect(removed.code).toBe(0);
    expect(await keytarKeychain.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
  });
});
