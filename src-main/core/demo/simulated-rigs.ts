import { join } from 'node:path';
import { randomApiKey, startSimulatedRigs, type SimFleet, type SimRig } from '../../sim';
import type { RigConfig, RigRegistry } from '../registry/rig-registry';
import { CoreError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { Logger } from '../logger';

/**
 * Simulated rigs that run inside the app, so a new user can try every feature without
 * hardware. They are ordinary registry entries marked `simulated`; this host starts a
 * simulator for each of them (again after a restart, on the same port when free).
 */
export class SimulatedRigHost {
  readonly #fleets = new Map<string, SimFleet>();
  readonly #certDir: string;

  constructor(
    private readonly registry: RigRegistry,
    private readonly secrets: SecretStore,
    configDir: string,
    private readonly log: Logger,
  ) {
    // One kept certificate, so the fingerprint pinned for simulated rigs stays valid.
    this.#certDir = join(configDir, 'simulator');
  }

  /** Start `count` new simulated rigs and add them to the registry. */
  async startDemo(count: number): Promise<RigConfig[]> {
    const added: RigConfig[] = [];
    for (let i = 0; i < count; i++) {
      const apiKey = randomApiKey();
      const fleet = await this.#start(0, apiKey);
      const info = fleet.rigs[0]!.info;
      let rig: RigConfig;
      try {
        rig = this.registry.add({
          name: this.#freeName(),
          host: info.host,
          port: info.port,
          trust: { kind: 'fingerprint', sha256: info.fingerprint256 },
          tags: ['simulated'],
          notes: 'A simulated rig running inside Motif Control: try anything, nothing is recorded.',
          preset: { codec: 'high' },
          simulated: true,
        });
      } catch (e) {
        await fleet.stop();
        throw e;
      }
      this.#fleets.set(rig.id, fleet);
      await this.#storeKey(rig.id, apiKey);
      added.push(rig);
    }
    return added;
  }

  /** Bring up a simulator for every simulated rig of the registry that has none running. */
  async resume(): Promise<void> {
    for (const rig of this.registry.list()) {
      if (!rig.simulated || this.#fleets.has(rig.id)) continue;
      try {
        let apiKey = await this.secrets.getKey(rig.id).catch(() => null);
        if (!apiKey) {
          apiKey = randomApiKey();
          await this.#storeKey(rig.id, apiKey);
        }
        const fleet = await this.#start(rig.port, apiKey).catch(() => this.#start(0, apiKey));
        const info = fleet.rigs[0]!.info;
        this.#fleets.set(rig.id, fleet);
        const trust = { kind: 'fingerprint' as const, sha256: info.fingerprint256 };
        if (info.port !== rig.port || rig.trust?.kind !== 'fingerprint' || rig.trust.sha256 !== info.fingerprint256) {
          this.registry.update(rig.id, { port: info.port, trust });
        }
      } catch (e) {
        this.log.error(`could not start the simulator for ${rig.name}`, e);
      }
    }
  }

  /** The simulated rig behind a rig of the list, while it runs (tests and benches set its faults). */
  rig(rigId: string): SimRig | undefined {
    return this.#fleets.get(rigId)?.rigs[0];
  }

  runningRigIds(): string[] {
    return [...this.#fleets.keys()];
  }

  /**
   * Takes a simulated rig's key away, so it shows as a rig with a problem. A key kept for
   * this session only (no keychain) is gone once forgotten: the keychain is not needed.
   */
  async removeKey(rigId: string): Promise<void> {
    const sessionOnly = (await this.secrets.keyState(rigId)) === 'session';
    try {
      await this.secrets.deleteKey(rigId);
    } catch (e) {
      if (!(sessionOnly && e instanceof CoreError && e.code === 'keychain-unavailable')) throw e;
    }
  }

  /** Stop a removed rig's simulator. */
  async forget(rigId: string): Promise<void> {
    const fleet = this.#fleets.get(rigId);
    this.#fleets.delete(rigId);
    await fleet?.stop();
  }

  async stop(): Promise<void> {
    const fleets = [...this.#fleets.values()];
    this.#fleets.clear();
    await Promise.all(fleets.map((f) => f.stop()));
  }

  /** Streams on, modest: pictures are drawn only while someone watches, and the live view should be tried too. */
  #start(port: number, apiKey: string): Promise<SimFleet> {
    return startSimulatedRigs({ port, rigs: 1, cameras: 2, apiKey, streams: true, fps: 15, frame: { width: 640, height: 480, pixelFormat: 'mono8' }, dataDir: this.#certDir });
  }

  /** The keychain when there is one; a simulated rig's key may live in memory otherwise. */
  async #storeKey(rigId: string, apiKey: string): Promise<void> {
    try {
      await this.secrets.setKey(rigId, apiKey);
    } catch (e) {
      if (!(e instanceof CoreError && e.code === 'keychain-unavailable')) throw e;
      await this.secrets.setKey(rigId, apiKey, { sessionOnly: true });
    }
  }

  #freeName(): string {
    const taken = new Set(this.registry.list().map((r) => r.name.toLowerCase()));
    for (let n = 1; ; n++) if (!taken.has(`simulated rig ${n}`)) return `Simulated rig ${n}`;
  }
}
