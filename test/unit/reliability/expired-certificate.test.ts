/**
 * Reliability: a rig whose pinned certificate has expired. The pin is the trust, so the app
 * and motifctl keep working with it, but never silently: the rig's status carries the expiry
 * (shown on its card), and motifctl warns on stderr after each command.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { createAppCore, type AppCore } from '../../../src-main/core/app-core';
import { silentLogger } from '../../../src-main/core/logger';
import { SecretStore } from '../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet } from '../../../src-main/sim';
import { MemoryKeychain } from '../main/core/secrets/memory-keychain';
import { runRigCommand } from '../main/cli/commands/run-commands';
import { KEY, until } from './app-fixture';

const dirs: string[] = [];
let fleet: SimFleet;
let core: AppCore;
beforeAll(async () => {
  const certDir = mkdtempSync(join(tmpdir(), 'motif-expired-'));
  dirs.push(certDir);
  // Valid for a year that ended a year ago.
  const pems = await generate([{ name: 'commonName', value: 'motif-sim' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.UTC(2024, 0, 1)),
    notAfterDate: new Date(Date.UTC(2025, 0, 1)),
  });
  writeFileSync(join(certDir, 'cert.pem'), pems.cert);
  writeFileSync(join(certDir, 'key.pem'), pems.private);
  fleet = await startSimulatedRigs({ port: 0, rigs: 1, cameras: 1, apiKey: KEY, streams: false, control: false, certFile: join(certDir, 'cert.pem'), keyFile: join(certDir, 'key.pem') });
  const configDir = mkdtempSync(join(tmpdir(), 'motif-app-'));
  dirs.push(configDir);
  core = createAppCore({ transport: 'browser', log: silentLogger, configDir, secrets: new SecretStore(new MemoryKeychain(), { cacheMs: 0 }), monitor: { intervalMs: 200 } });
});
afterAll(async () => {
  await core?.close();
  await fleet?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('an expired pinned certificate', { timeout: 60_000 }, () => {
  it('keeps working, and says so on the rig and in motifctl', async () => {
    const sim = fleet.rigs[0]!;
    const added = (await core.dispatch('rigs.add', {
      name: 'Old cert',
      host: sim.info.host,
      port: sim.info.port,
      apiKey: KEY,
      trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
    })) as Result<{ id: string }>;
    if (!added.ok) throw new Error(added.error.message);
    const rigId = added.value.id;
    const status = await until(async () => {
      const r = (await core.dispatch('status.refresh', { rigId })) as Result<RigStatus[]>;
      return r.ok && r.value[0]?.state === 'online' && r.value[0];
    });
    const stopped = (await core.dispatch('recording.stop', { targets: [{ rigId }] })) as Result<{ ok: boolean }[]>;

    const env = { MOTIF_HOST: sim.info.host, MOTIF_PORT: String(sim.info.port), MOTIF_API_KEY: KEY, MOTIF_FINGERPRINT: sim.info.fingerprint256, MOTIF_CONTROL_CONFIG_DIR: dirs[1]! };
    const cli = await runRigCommand(['record', 'stop'], env);
    console.log(
      `expired pinned certificate: rig ${status.state}, status says expired ${status.certificateExpiredAt ?? 'nothing'}, ` +
        `commands ok ${stopped.ok && stopped.value.every((o) => o.ok)}, motifctl exit ${cli.code}, warned ${/certificate pinned .* expired on 2025-01-01/.test(cli.stderr)}`,
    );
    expect(status.certificateExpiredAt).toBe('2025-01-01T00:00:00.000Z');
    expect(stopped.ok && stopped.value.every((o) => o.ok)).toBe(true);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^motifctl: warning: the certificate pinned for [\d.:]+ expired on 2025-01-01; it is still trusted because its fingerprint is pinned/m);
  });
});
