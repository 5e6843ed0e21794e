import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../../src-main/contract/errors';
import { createAppCore, type AppCore } from '../../../src-main/core/app-core';
import { silentLogger, type Logger } from '../../../src-main/core/logger';
import { SecretStore } from '../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet, type SimRig } from '../../../src-main/sim';
import { MemoryKeychain } from '../main/core/secrets/memory-keychain';

export const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';

/** An app core (as in the window) on a fresh config folder, with one simulated rig in its list. */
export interface App {
  fleet: SimFleet;
  sim: SimRig;
  dir: string;
  core: AppCore;
  rigId: string;
  /** A request through the dispatch, as a transport sends it. */
  call(name: string, args: unknown): Promise<Result<unknown>>;
  /** A new core on the same folder (the app started again). */
  reopen(): Promise<AppCore>;
  close(): Promise<void>;
}

export async function startApp(options: { cameras?: number; dir?: string; log?: Logger } = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-sim-'));
  const fleet = await startSimulatedRigs({ port: 0, rigs: 1, cameras: options.cameras ?? 2, apiKey: KEY, streams: false, dataDir, control: false });
  const sim = fleet.rigs[0]!;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'motif-app-'));
  const keychain = new MemoryKeychain();
  const cores: AppCore[] = [];
  const open = () => {
    const core = createAppCore({ transport: 'browser', log: options.log ?? silentLogger, configDir: dir, secrets: new SecretStore(keychain, { cacheMs: 0 }) });
    cores.push(core);
    return core;
  };
  let core = open();
  const added = (await core.dispatch('rigs.add', {
    name: 'Arena',
    host: sim.info.host,
    port: sim.info.port,
    apiKey: KEY,
    trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
  })) as Result<{ id: string }>;
  if (!added.ok) throw new Error(`rigs.add: ${added.error.message}`);
  const app: App = {
    fleet,
    sim,
    dir,
    core,
    rigId: added.value.id,
    call: (name, args) => app.core.dispatch(name, args) as Promise<Result<unknown>>,
    reopen: async () => {
      await app.core.close();
      core = open();
      app.core = core;
      return core;
    },
    close: async () => {
      for (const c of cores) await c.close().catch(() => {});
      await fleet.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Wait until `probe` holds, or fail after `timeoutMs`. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
