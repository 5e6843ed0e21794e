import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { Res } from '../../../../../src-main/contract/requests';
import { makeDispatch } from '../../../../../src-main/core/dispatch';
import { silentLogger } from '../../../../../src-main/core/logger';
import { protocolHandlers } from '../../../../../src-main/core/protocols/protocol-handlers';
import { ProtocolStore } from '../../../../../src-main/core/protocols/protocol-store';
import type { SimRig } from '../../../../../src-main/sim';
import { SimRigsHarness } from '../registry/rig-fixture';

/**
 * Exported scripts run unchanged against a rig: the Python export with the vendor client's
 * calling convention, the curl export with curl. What they leave on the rig is what
 * applying the same protocol from the app leaves on another.
 */

// The vendor client when installed, else a stand-in with its constructor, environment and call().
const STAND_IN = path.resolve('test/unit/fixtures/vendor-client');
const vendorInstalled = spawnSync('python3', ['-c', 'import motifapi'], { encoding: 'utf8' }).status === 0;
// The example with the simulator's outputs: a recording, a one-shot and a toggle (Infinity) after each start.
const PROTOCOL = {
  ...(JSON.parse(readFileSync('examples/protocols/minute-one-pulses.json', 'utf8')) as object),
  parameters: { light: { default: 'led' }, buzzer: { default: 'ledgreen' } },
};

let h: SimRigsHarness;
let dispatch: ReturnType<typeof makeDispatch>;
const call = async <N extends 'protocols.export' | 'protocols.apply'>(name: N, args: unknown): Promise<Res<N>> => {
  const r = (await dispatch(name, args)) as Result<Res<N>>;
  if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
  return r.value;
};
/** A rig's tasks as the rig lists them, without its bookkeeping. */
const tasksOf = (rig: SimRig) =>
  rig.state.tasks
    .map((t) => ({ name: t.name, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative, endpoint: t.endpoint, args: t.args }))
    .sort((a, b) => a.name.localeCompare(b.name));

beforeAll(async () => {
  h = await SimRigsHarness.start(4, 1);
  const names = new Map(h.rigList.list().map((r) => [r.id, r.name]));
  const addresses = new Map(h.fleet.rigs.map((r, i) => [`rig-${i}`, { host: r.info.host, port: r.info.port }]));
  dispatch = makeDispatch(
    protocolHandlers({ rigName: (id) => names.get(id), clientFor: h.clientFor, store: new ProtocolStore(h.tempDir()), rigAddress: (id) => addresses.get(id) }),
    silentLogger,
  );
  // The app's own tasks, on rig 0.
  const applied = await call('protocols.apply', { ref: { protocol: PROTOCOL }, rigs: [{ rigId: 'rig-0' }] });
  expect(applied.filter((o) => !o.ok)).toEqual([]);
});
afterAll(async () => {
  await h?.stop();
});

/** Every network address in a script: only this computer's may appear. */
function addressesIn(script: string): string[] {
  const ips = script.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
  const hosts = [...script.matchAll(/https?:\/\/([^/:'"\s$[]+)/g)].map((m) => m[1]!);
  return [...ips, ...hosts];
}

/** Runs a script as its own process; asynchronously, as the simulated rigs answer from this one. */
function runScript(command: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTIF_')));
  const child = spawn(command, args, { env: { ...clean, PYTHONDONTWRITEBYTECODE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('exported scripts', () => {
  it('the Python export, exported for a rig, runs with the vendor client and leaves the tasks the app leaves', async () => {
    const rig = h.fleet.rigs[1]!;
    const { text } = await call('protocols.export', { ref: { protocol: PROTOCOL }, format: 'python', rigId: 'rig-1' });
    expect(addressesIn(text).every((a) => a === '127.0.0.1' || a === 'localhost')).toBe(true);
    const file = path.join(h.tempDir(), 'protocol.py');
    writeFileSync(file, text);
    // Nothing edited: the rig's address and port are the script's defaults; key and certificate from the environment.
    const run = await runScript('python3', [file], {
      MOTIF_API_KEY: rig.info.apiKey,
      MOTIF_CA_CERT: rig.info.certPath,
      ...(vendorInstalled ? {} : { PYTHONPATH: STAND_IN }),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(3);
    expect(run.stdout).toContain('task mc-minute-one-pulses-3 (3 of 3)');
    expect(tasksOf(rig)).toEqual(tasksOf(h.fleet.rigs[0]!));
    expect(tasksOf(rig)).toHaveLength(3);
  });

  it('the Python export without a rig reads MOTIF_HOST and MOTIF_PORT, and names no address but this computer', async () => {
    const rig = h.fleet.rigs[2]!;
    const { text } = await call('protocols.export', { ref: { protocol: PROTOCOL }, format: 'python' });
    expect(addressesIn(text)).toEqual(['127.0.0.1']);
    const file = path.join(h.tempDir(), 'protocol.py');
    writeFileSync(file, text);
    const run = await runScript('python3', [file], {
      MOTIF_HOST: 'localhost',
      MOTIF_PORT: String(rig.info.port),
      MOTIF_API_KEY: rig.info.apiKey,
      MOTIF_CA_CERT: rig.info.certPath,
      ...(vendorInstalled ? {} : { PYTHONPATH: STAND_IN }),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(tasksOf(rig)).toEqual(tasksOf(h.fleet.rigs[0]!));
  });

  it('the curl export is quiet, says one line per call, and leaves the same tasks', async () => {
    const rig = h.fleet.rigs[3]!;
    const { text } = await call('protocols.export', { ref: { protocol: PROTOCOL }, format: 'curl', rigId: 'rig-3' });
    expect(text).toContain('curl -sS ');
    expect(addressesIn(text).every((a) => a === '127.0.0.1')).toBe(true);
    const file = path.join(h.tempDir(), 'protocol.sh');
    writeFileSync(file, text);
    const run = await runScript('sh', [file], { MOTIF_API_KEY: rig.info.apiKey, MOTIF_CA_CERT: rig.info.certPath });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'task mc-minute-one-pulses-1 (1 of 3): schedule/recording/start, at "0 0 10 * * *"',
      'task mc-minute-one-pulses-2 (2 of 3): schedule/io/led/set, at "0 1 0 1 1 ? 1970" after each recording start',
      'task mc-minute-one-pulses-3 (3 of 3): schedule/io/ledgreen/set, at "90%30 * * * * *" after each recording start',
    ]);
    expect(tasksOf(rig)).toEqual(tasksOf(h.fleet.rigs[0]!));
  });

  it('the MATLAB export reads the same variables and names no address but this computer', async () => {
    const { text } = await call('protocols.export', { ref: { protocol: PROTOCOL }, format: 'matlab' });
    for (const name of ['MOTIF_HOST', 'MOTIF_PORT', 'MOTIF_API_KEY', 'MOTIF_CA_CERT']) expect(text).toContain(`getenv('${name}')`);
    expect(addressesIn(text)).toEqual(['127.0.0.1']);
    expect(text).toContain("disp('task mc-minute-one-pulses-1 (1 of 3)");
  });
});
