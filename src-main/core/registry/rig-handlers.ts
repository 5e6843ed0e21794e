import type { WireObject } from '../motif-api/operation-table';
import { ok, type Result } from '../../contract/errors';
import type { rigRequests } from '../../contract/requests/rigs';
import type { Handlers } from '../dispatch';
import { fetchPeerCertificate } from '../motif-api/fingerprint';
import type { NoticeBoard } from '../notice-board';
import { CoreError, isCoreError } from '../errors';
import type { RigConnector } from './rig-connector';
import type { RigRegistry } from './rig-registry';
import { checkCaFile, checkFingerprint, checkHost, checkPort } from './rig-schema';
import { summarizeRig, summarizeRigs, summarizeRigsNow } from './rig-summaries';
import { exportRigs, importRigs } from './rig-transfer';
import type { SecretStore } from '../secrets/secret-store';

export interface RigHandlerDeps {
  registry: RigRegistry;
  secrets: SecretStore;
  connector: RigConnector;
  notices: NoticeBoard;
  probeTimeoutMs?: number;
  /**
   * Given: the list answers at once, keys not read yet as 'checking', and this is called to
   * send the full list when they are (the window). Not given: the list waits (the CLI).
   */
  keyStatesLater?: () => void;
}

type RigRequest = keyof typeof rigRequests;

/** Known failures become contract errors; anything else goes on to dispatch (logged, 'internal'). */
async function attempt<T>(fn: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    if (isCoreError(e)) return { ok: false, error: e.toMotifError() };
    throw e;
  }
}

const isWireObject = (v: unknown): v is WireObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function rigHandlers(deps: RigHandlerDeps): Pick<Handlers, RigRequest> {
  const { registry, secrets, connector, notices } = deps;
  const summary = (id: string) => summarizeRig(existing(registry, id), secrets);

  return {
    'rigs.list': () =>
      attempt(() => {
        if (!deps.keyStatesLater) return summarizeRigs(registry.list(), secrets);
        const now = summarizeRigsNow(registry.list(), secrets);
        if (now.checking) deps.keyStatesLater();
        return now.rigs;
      }),

    'rigs.add': ({ apiKey, sessionOnly, ...input }) =>
      attempt(async () => {
        const rig = registry.add(withCheckedCaFile(input));
        if (apiKey !== undefined) {
          try {
            await secrets.setKey(rig.id, apiKey, { sessionOnly });
          } catch (e) {
            // No half-added rig: the user retries with session-only, or without a key.
            registry.remove(rig.id);
            throw e;
          }
        }
        return summary(rig.id);
      }),

    'rigs.update': ({ rigId, patch }) => attempt(() => summarizeRig(registry.update(rigId, withCheckedCaFile(patch)), secrets)),

    'rigs.remove': ({ rigId }) =>
      attempt(async () => {
        const rig = existing(registry, rigId);
        registry.remove(rigId);
        try {
          await secrets.deleteKey(rigId);
        } catch (e) {
          notices.add(
            'warning',
            `Rig "${rig.name}" was removed, but its API key could not be deleted from the keychain ` +
              `(${isCoreError(e) ? e.message : String(e)}). Its entry is service "Motif Control", account ${rigId}.`,
            { rigId },
          );
        }
        return { rigId };
      }),

    'rigs.setKey': ({ rigId, apiKey, sessionOnly }) =>
      attempt(async () => {
        existing(registry, rigId);
        return { rigId, keyState: await secrets.setKey(rigId, apiKey, { sessionOnly }) };
      }),

    'rigs.keychain': async () => {
      const problem = await secrets.keychainProblem();
      return ok({ available: problem === null, problem });
    },

    'rigs.clearKey': ({ rigId }) =>
      attempt(async () => {
        existing(registry, rigId);
        await secrets.deleteKey(rigId);
        return { rigId, keyState: await secrets.keyState(rigId) };
      }),

    'rigs.probeCertificate': ({ host, port }) =>
      attempt(async () => {
        const { pem: _pem, ...shown } = await fetchPeerCertificate(checkHost(host), checkPort(port), deps.probeTimeoutMs);
        return shown;
      }),

    'rigs.trust': ({ rigId, fingerprint, caPath }) =>
      attempt(async () => {
        if ((fingerprint === undefined) === (caPath === undefined)) {
          throw new CoreError('invalid-args', 'Give either a fingerprint to pin or a CA file, not both and not neither.');
        }
        const trust =
          fingerprint !== undefined
            ? { kind: 'fingerprint' as const, sha256: checkFingerprint(fingerprint) }
            : { kind: 'ca' as const, caPath: checkCaFile(caPath!) };
        return summarizeRig(registry.update(rigId, { trust }), secrets);
      }),

    'rigs.testConnection': ({ rigId }) =>
      attempt(async () => {
        const started = performance.now();
        const client = await connector.clientFor(rigId);
        const [version, cameras] = await Promise.all([client.invoke('version'), client.invoke('cameras')]);
        return { rigId, version, cameras: (cameras.cameras ?? []).filter(isWireObject), elapsedMs: Math.round(performance.now() - started) };
      }),

    'rigs.export': () => attempt(() => exportRigs(registry)),

    'rigs.import': ({ document, dryRun }) => attempt(() => importRigs(registry, document, { dryRun })),
  };
}

/** A CA file a user picks now must be readable now (imported rigs may name files still to be copied). */
function withCheckedCaFile<T extends { trust?: { kind: string; caPath?: string } | null }>(input: T): T {
  const trust = input.trust;
  return trust?.kind === 'ca' && trust.caPath !== undefined ? { ...input, trust: { ...trust, caPath: checkCaFile(trust.caPath) } } : input;
}

function existing(registry: RigRegistry, rigId: string) {
  const rig = registry.get(rigId);
  if (!rig) throw new CoreError('not-found', `There is no rig with id ${rigId}; it may have been removed.`, { rigId });
  return rig;
}
