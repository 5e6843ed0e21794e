import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../../src-main/cli/commands/command-context';
import type { TargetOutcome } from '../../../../../src-main/contract/requests/targets';
import { openRigs } from '../../../../../src-main/core/registry/open-rigs';
import { KEYCHAIN_SERVICE, keytarKeychain } from '../../../../../src-main/core/secrets/keychain';
import type { SimFleet } from '../../../../../src-main/sim';
import { startFleet } from '../../core/motif-api/sim-fixture';
import { keychainGate } from '../../core/secrets/keychain-fixture';
import { runRigCommand } from './run-commands';

const gate = await keychainGate();

/** Writes that reached stdout, each with when it came. */
async function timedRun(argv: string[], env: Record<string, string>) {
  const lines: { at: number; text: string }[] = [];
  let stdout = '';
  let stderr = '';
  const { runCli } = await import('../../../../../src-main/cli/program');
  const code = await runCli(argv, {
    out: (t) => {
      stdout += t;
      lines.push({ at: Date.now(), text: t });
    },
    err: (t) => (stderr += t),
    env,
  });
  return { code, stdout, stderr, lines };
}

describe.skipIf(gate.skip)('motifctl --rigs: one command on several rigs of the rig list, each line as its rig answers', { timeout: 60_000 }, () => {
  let fleet: SimFleet;
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-cli-fleet-'));
  const env = { MOTIF_CONTROL_CONFIG_DIR: dir };
  const ids: string[] = [];

  beforeAll(async () => {
    fleet = await startFleet(3);
    const rigs = openRigs({ configDir: dir });
    for (const [i, sim] of fleet.rigs.entries()) {
      const saved = rigs.registry.add({ name: `Arena ${i + 1}`, host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } });
      await rigs.secrets.setKey(saved.id, sim.info.apiKey);
      ids.push(saved.id);
    }
    await rigs.close();
  });
  afterAll(async () => {
    await fleet.stop();
    await Promise.all(ids.map((id) => keytarKeychain.deletePassword(KEYCHAIN_SERVICE, id).catch(() => false)));
  });

  it('starts recording on three rigs, printing the slow rig last and when it answers, not when the others do', async () => {
    fleet.rigs[0]!.setFault('latency=800@^recording/start$');
    try {
      const started = Date.now();
      const r = await timedRun(['record', 'start', '--rigs', 'Arena 1,Arena 2,Arena 3', '--filename', 'trial'], env);
      expect(r.code).toBe(EXIT.ok);
      const texts = r.lines.map((l) => l.text);
      expect(texts.slice(0, 2).sort()).toEqual(['Arena 2: done\n', 'Arena 3: done\n']);
      expect(texts[2]).toBe('Arena 1: done\n');
      // The fast rigs' lines were out before the slow one had answered.
      expect(r.lines[0]!.at - started).toBeLessThan(r.lines[2]!.at - started - 400);
      for (const sim of fleet.rigs) expect(Object.values(sim.state.cameras).every((c) => c.recording?.filename.includes('trial'))).toBe(true);
    } finally {
      fleet.rigs[0]!.clearFaults();
    }
  });

  it('with --json, prints the outcomes as one array in rig order on stdout and the lines on stderr; a failure sets the exit code', async () => {
    fleet.rigs[1]!.setFault('http500=camera busy@^recording/stop$');
    try {
      const r = await runRigCommand(['record', 'stop', '--rigs', 'Arena 1, Arena 2 ,Arena 3', '--json'], env);
      expect(r.code).toBe(EXIT.rigError);
      const outcomes = JSON.parse(r.stdout) as TargetOutcome[];
      expect(outcomes.map((o) => [o.rigName, o.ok])).toEqual([['Arena 1', true], ['Arena 2', false], ['Arena 3', true]]);
      expect(r.stderr).toContain('Arena 2: failed: ');
      expect(r.stderr).toContain('Arena 1: done');
    } finally {
      fleet.rigs[1]!.clearFaults();
      await runRigCommand(['record', 'stop', '--rigs', 'Arena 2'], env);
    }
  });

  it('refuses an unknown rig before anything is sent', async () => {
    const before = fleet.rigs.map((s) => s.events().length);
    const r = await runRigCommand(['record', 'start', '--rigs', 'Arena 1,Nowhere'], env);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('There is no rig named "Nowhere"');
    expect(fleet.rigs.map((s) => s.events().length)).toEqual(before);
  });
});
