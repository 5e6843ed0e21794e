import type { KeyState } from '../../contract/requests/rigs';
import { KEYCHAIN_SERVICE, keytarKeychain, type Keychain } from './keychain';
import { CoreError } from '../errors';

const MAX_KEY_LENGTH = 1024;

export interface SecretStoreOptions {
  /** A keychain that does not answer in this time counts as unavailable (a hidden unlock prompt, a hung D-Bus). */
  timeoutMs?: number;
  /** How long a key read from the keychain is reused, so status polling does not hit D-Bus every second. */
  cacheMs?: number;
}

/**
 * API keys: in the OS keychain (service "Motif Control", account = rig id), or, when the
 * user chooses so because no keychain is available, in this process's memory only.
 * Never in a file, a log or an error message.
 */
export class SecretStore {
  readonly #keychain: Keychain;
  readonly #timeoutMs: number;
  readonly #cacheMs: number;
  readonly #session = new Map<string, string>();
  readonly #cache = new Map<string, { key: string | null; readAtMs: number }>();
  readonly #listeners = new Set<(rigId: string) => void>();

  constructor(keychain: Keychain = keytarKeychain, options: SecretStoreOptions = {}) {
    this.#keychain = keychain;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#cacheMs = options.cacheMs ?? 5_000;
  }

  /** The rig's key: a session key first, then the keychain. Throws 'keychain-unavailable'. */
  async getKey(rigId: string): Promise<string | null> {
    const session = this.#session.get(rigId);
    if (session !== undefined) return session;
    const cached = this.#cache.get(rigId);
    if (cached && performance.now() - cached.readAtMs < this.#cacheMs) return cached.key;
    const key = await this.#call('read', () => this.#keychain.getPassword(KEYCHAIN_SERVICE, rigId));
    this.#cache.set(rigId, { key, readAtMs: performance.now() });
    return key;
  }

  async setKey(rigId: string, key: string, opts: { sessionOnly?: boolean } = {}): Promise<'keychain' | 'session'> {
    const clean = checkKey(key);
    this.#cache.delete(rigId);
    if (opts.sessionOnly) {
      this.#session.set(rigId, clean);
      this.#changed(rigId);
      return 'session';
    }
    await this.#call('store', () => this.#keychain.setPassword(KEYCHAIN_SERVICE, rigId, clean));
    this.#session.delete(rigId);
    this.#changed(rigId);
    return 'keychain';
  }

  /** Forgets the session key and deletes the keychain entry; throws 'keychain-unavailable' if the latter failed. */
  async deleteKey(rigId: string): Promise<void> {
    this.#session.delete(rigId);
    this.#cache.delete(rigId);
    try {
      await this.#call('delete', () => this.#keychain.deletePassword(KEYCHAIN_SERVICE, rigId));
    } finally {
      this.#changed(rigId);
    }
  }

  /** Where the key is; 'keychain-unavailable' when the keychain cannot be asked (no telling). */
  async keyState(rigId: string): Promise<KeyState> {
    if (this.#session.has(rigId)) return 'session';
    try {
      return (await this.getKey(rigId)) === null ? 'none' : 'keychain';
    } catch {
      return 'keychain-unavailable';
    }
  }

  /** Called with the rig id after a key was set or deleted here. */
  onChange(listener: (rigId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #changed(rigId: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(rigId);
      } catch {
        // One failing listener must not hide the change from the others.
      }
    }
  }

  async #call<T>(what: 'read' | 'store' | 'delete', fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      return await Promise.race([fn(), timeout]);
    } catch (e) {
      throw keychainUnavailable(what, e);
    } finally {
      clearTimeout(timer);
    }
  }
}

function checkKey(key: string): string {
  const clean = key.trim();
  if (clean === '') throw new CoreError('invalid-args', 'The API key is empty. Run recnode-apikey on the rig to see it.', { field: 'apiKey' });
  if (clean.length > MAX_KEY_LENGTH || /\s/.test(clean)) {
    throw new CoreError('invalid-args', 'That is not an API key: a Motif key is one word without spaces or line breaks.', { field: 'apiKey' });
  }
  return clean;
}

function keychainUnavailable(what: string, cause: unknown): CoreError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CoreError(
    'keychain-unavailable',
    `The system keychain could not ${what} the API key (${reason}). Unlock or start the keychain ` +
      '(on Linux: GNOME Keyring or KWallet with the Secret Service), or keep the key for this session only.',
    { reason },
    { cause },
  );
}
