import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MotifClient, type MotifClientOptions } from '../motif-api/motif-client';
import { RigCallError } from '../motif-api/rig-call-error';
import type { RigTrust } from '../motif-api/tls-trust';
import { CoreError } from '../errors';
import type { RigConfig, RigRegistry } from './rig-registry';
import type { SecretStore } from '../secrets/secret-store';

interface PooledClient {
  /** What the client was built from (the key only as a hash). */
  signature: string;
  client: MotifClient;
}

/** Builds each rig's client; the app passes one that writes every command to the audit log. */
export type ClientFactory = (options: MotifClientOptions, rig: RigConfig) => MotifClient;

/**
 * MotifClients for configured rigs, one keep-alive pool per rig, rebuilt when the rig's
 * address, trust or key changes and closed when the rig is removed.
 */
export class RigConnector {
  readonly #registry: RigRegistry;
  readonly #secrets: SecretStore;
  readonly #timeoutMs: number | undefined;
  readonly #createClient: ClientFactory;
  readonly #pool = new Map<string, PooledClient>();
  readonly #building = new Map<string, Promise<MotifClient>>();
  readonly #unsubscribe: () => void;

  constructor(registry: RigRegistry, secrets: SecretStore, options: { timeoutMs?: number; createClient?: ClientFactory } = {}) {
    this.#registry = registry;
    this.#secrets = secrets;
    this.#timeoutMs = options.timeoutMs;
    this.#createClient = options.createClient ?? ((clientOptions) => new MotifClient(clientOptions));
    this.#unsubscribe = registry.onChange((rigs) => {
      const ids = new Set(rigs.map((r) => r.id));
      for (const id of [...this.#pool.keys()]) if (!ids.has(id)) this.#drop(id);
    });
  }

  /** A pooled client for the rig; rejects with 'not-found', 'key-rejected' (no key), 'tls-untrusted' (no trust). */
  clientFor(rigId: string): Promise<MotifClient> {
    // One build at a time per rig, so callers at once share one pool.
    const pending = this.#building.get(rigId);
    if (pending) return pending;
    const build = this.#build(rigId).finally(() => this.#building.delete(rigId));
    this.#building.set(rigId, build);
    return build;
  }

  async close(): Promise<void> {
    this.#unsubscribe();
    const clients = [...this.#pool.values()].map((p) => p.client);
    this.#pool.clear();
    await Promise.allSettled(clients.map((c) => c.close()));
  }

  async #build(rigId: string): Promise<MotifClient> {
    const rig = this.#registry.get(rigId);
    if (!rig) throw new CoreError('not-found', `There is no rig with id ${rigId}; it may have been removed.`, { rigId });
    const label = `${rig.host}:${rig.port}`;
    const key = await this.#secrets.getKey(rigId);
    if (!key) {
      throw new RigCallError('key-rejected', `No API key is set for rig "${rig.name}". Set one (recnode-apikey on the rig shows it).`, {
        rig: label,
      });
    }
    if (!rig.trust) {
      throw new RigCallError(
        'tls-untrusted',
        `Rig "${rig.name}" has no trusted certificate yet: pin its fingerprint or choose its CA file.`,
        { rig: label },
      );
    }
    const signature = JSON.stringify([rig.host, rig.port, rig.trust, createHash('sha256').update(key).digest('hex')]);
    const pooled = this.#pool.get(rigId);
    if (pooled?.signature === signature) return pooled.client;
    if (pooled) this.#drop(rigId);
    const client = this.#createClient(
      {
        host: rig.host,
        port: rig.port,
        apiKey: key,
        trust: clientTrust(rig),
        connectTimeoutMs: this.#timeoutMs,
        responseTimeoutMs: this.#timeoutMs,
      },
      rig,
    );
    this.#pool.set(rigId, { signature, client });
    return client;
  }

  #drop(rigId: string): void {
    const pooled = this.#pool.get(rigId);
    this.#pool.delete(rigId);
    // Calls in flight finish on the old pool; new ones get the new client.
    void pooled?.client.close().catch(() => {});
  }
}

function clientTrust(rig: RigConfig): RigTrust {
  const trust = rig.trust!;
  if (trust.kind === 'fingerprint') return { kind: 'fingerprint', fingerprint256: trust.sha256 };
  try {
    return { kind: 'ca', caPem: readFileSync(trust.caPath) };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CoreError('config-error', `Cannot read the CA file ${trust.caPath} of rig "${rig.name}" (${reason}).`, {
      rigId: rig.id,
      caPath: trust.caPath,
    });
  }
}
