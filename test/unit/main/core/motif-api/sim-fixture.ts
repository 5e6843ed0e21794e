import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulatedRigs, type SimFleet, type SimRig } from '../../../../../src-main/sim';
import { MotifClient, type MotifClientOptions } from '../../../../../src-main/core/motif-api/motif-client';

/** Simulated rigs on loopback with a throw-away certificate directory. */
export function startFleet(rigs = 1, extra: { cameras?: number } = {}): Promise<SimFleet> {
  return startSimulatedRigs({
    port: 0,
    rigs,
    cameras: extra.cameras ?? 2,
    streams: false,
    dataDir: mkdtempSync(join(tmpdir(), 'motif-sim-test-')),
  });
}

/** A client for `rig` trusting its pinned fingerprint, with overrides. */
export function clientFor(rig: SimRig, overrides: Partial<MotifClientOptions> = {}): MotifClient {
  return new MotifClient({
    host: rig.info.host,
    port: rig.info.port,
    apiKey: rig.info.apiKey,
    trust: { kind: 'fingerprint', fingerprint256: rig.info.fingerprint256 },
    ...overrides,
  });
}
