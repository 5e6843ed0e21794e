import type { RigSummary } from '../../contract/requests/rigs';
import type { RigConfig, RigRegistry } from './rig-registry';
import type { SecretStore } from '../secrets/secret-store';

/** What the renderer may know of a rig: everything but the key, and where the key is. */
export async function summarizeRig(rig: RigConfig, secrets: SecretStore): Promise<RigSummary> {
  return { ...rig, keyState: await secrets.keyState(rig.id) };
}

export function summarizeRigs(rigs: readonly RigConfig[], secrets: SecretStore): Promise<RigSummary[]> {
  return Promise.all(rigs.map((r) => summarizeRig(r, secrets)));
}

/**
 * Summaries without waiting for the keychain: a key not read yet is 'checking'. Listing a
 * fleet at start must not wait for the keychain (200 keys take about a second).
 */
export function summarizeRigsNow(rigs: readonly RigConfig[], secrets: SecretStore): { rigs: RigSummary[]; checking: boolean } {
  let checking = false;
  const summaries = rigs.map((rig): RigSummary => {
    const keyState = secrets.knownKeyState(rig.id) ?? 'checking';
    if (keyState === 'checking') checking = true;
    return { ...rig, keyState };
  });
  return { rigs: summaries, checking };
}

export interface RigSummaryWatch {
  /** Publishes fresh summaries once every key state is read (after a list that said 'checking'). */
  refresh(): void;
  stop(): void;
}

/**
 * Calls `publish` with fresh summaries after every registry or key change. Summaries take a
 * keychain round trip, so a slower older one never overwrites a newer one.
 */
export function watchRigSummaries(
  registry: RigRegistry,
  secrets: SecretStore,
  publish: (rigs: RigSummary[]) => void,
  onError: (e: unknown) => void = () => {},
): RigSummaryWatch {
  let latest = 0;
  const refresh = () => {
    const ticket = ++latest;
    summarizeRigs(registry.list(), secrets).then(
      (rigs) => {
        if (ticket === latest) publish(rigs);
      },
      onError,
    );
  };
  const offRegistry = registry.onChange(refresh);
  const offSecrets = secrets.onChange(refresh);
  return {
    refresh,
    stop: () => {
      offRegistry();
      offSecrets();
    },
  };
}
