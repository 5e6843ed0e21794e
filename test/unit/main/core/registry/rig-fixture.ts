import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MotifClient, type MotifClientOptions } from '../../../../../src-main/core/motif-api/motif-client';
import type { RigEndpoints } from '../../../../../src-main/core/motif-api/rig-endpoints';
import { startSimulatedRigs, type SimFleet, type SimRig } from '../../../../../src-main/sim';

export interface TestRig {
  id: string;
  name: string;
}

/** A rig list with change notification, as the registry offers it. */
export class TestRigList {
  #listeners = new Set<(rigs: TestRig[]) => void>();
  constructor(public rigs: TestRig[]) {}
  list(): TestRig[] {
    return this.rigs.map((r) => ({ ...r }));
  }
  onChange(listener: (rigs: TestRig[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  set(rigs: TestRig[]): void {
    this.rigs = rigs;
    for (const l of this.#listeners) l(this.list());
  }
}

/**
 * Simulated rigs on loopback, one pooled real client per rig (as the connector keeps them),
 * with per-rig overrides to simulate a wrong key, a wrong fingerprint or a connector refusal.
 */
export class SimRigsHarness {
  readonly rigList: TestRigList;
  readonly dirs: string[] = [];
  readonly #clients = new Map<string, MotifClient>();
  readonly #overrides = new Map<string, Partial<MotifClientOptions>>();
  readonly #refusals = new Map<string, string>();

  private constructor(readonly fleet: SimFleet) {
    this.rigList = new TestRigList(fleet.rigs.map((_, i) => ({ id: `rig-${i}`, name: `Rig ${i}` })));
  }

  static async start(rigs = 2, cameras = 2): Promise<SimRigsHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'motif-sim-test-'));
    const fleet = await startSimulatedRigs({ port: 0, rigs, cameras, streams: false, dataDir, control: false, copySeconds: 2 });
    const h = new SimRigsHarness(fleet);
    h.dirs.push(dataDir);
    return h;
  }

  sim(rigId: string): SimRig {
    return this.fleet.rigs[Number(rigId.split('-')[1])]!;
  }

  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'motif-control-test-'));
    this.dirs.push(dir);
    return dir;
  }

  /** Change how a rig's client is built (wrong key, wrong fingerprint); the next clientFor builds it anew. */
  override(rigId: string, options: Partial<MotifClientOptions>): void {
    this.#overrides.set(rigId, options);
    void this.#clients.get(rigId)?.destroy();
    this.#clients.delete(rigId);
  }

  /** Make clientFor reject with a coded error, as the connector does without a key or trust. */
  refuse(rigId: string, code: string | null): void {
    if (code === null) this.#refusals.delete(rigId);
    else this.#refusals.set(rigId, code);
  }

  clientFor = async (rigId: string): Promise<RigEndpoints> => this.client(rigId);

  client(rigId: string): MotifClient {
    const refusal = this.#refusals.get(rigId);
    if (refusal) throw Object.assign(new Error(`refused: ${refusal}`), { code: refusal });
    let client = this.#clients.get(rigId);
    if (!client) {
      const rig = this.sim(rigId);
      client = new MotifClient({
        host: rig.info.host,
        port: rig.info.port,
        apiKey: rig.info.apiKey,
        trust: { kind: 'fingerprint', fingerprint256: rig.info.fingerprint256 },
        connectTimeoutMs: 1000,
        ...this.#overrides.get(rigId),
      });
      this.#clients.set(rigId, client);
    }
    return client;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#clients.values()].map((c) => c.destroy()));
    await this.fleet.stop();
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}
