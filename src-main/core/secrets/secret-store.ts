import type { KeyState } from '../../contract/requests/rigs';
import { KEYCHAIN_SERVICE, keytarKeychain, type Keychain } from './keychain';
import { sharedKeychainProcess } from './keychain-process';
import { CoreError } from '../errors';

const MAX_KEY_LENGTH = 1024;

export interface SecretStoreOptions {
  /** A keychain that does not answer in this time counts as unavailable (a hidden unlock prompt, a hung D-Bus). */
  timeoutMs?: number;
  /** How long a key read from the keychain is reused, so status polling does not hit D-Bus every second. */
  cacheMs?: number;
  /** After a call went unanswered, how long the keychain counts as unavailable without being asked again. */
  retryAfterMs?: number;
}

/** A keychain whose unanswered calls can be given up, so they hold nothing of this process (the helper process). */
export interface AbandonableKeychain extends Keychain {
  abandon(reason: string): void;
}

const TIMED_OUT = Symbol('no answer in time');

/** An account no rig has (rig ids are UUIDs): asking for it tells whether the keychain answers. */
const NO_RIG = 'keychain-check';

const canAbandon = (k: Keychain): k is AbandonableKeychain => typeof (k as Partial<AbandonableKeychain>).abandon === 'function';

/**
 * keytar in a helper process under plain Node (motifctl, browser mode), so that a call that
 * never returns can be abandoned and the process still exits; in-process under Electron.
 */
export function defaultKeychain(): Keychain {
  return process.versions.electron === undefined ? sharedKeychainProcess() : keytarKeychain;
}

/**
 * API keys: in the OS keychain (service "Motif Control", account = rig id), or, when the
 * user chooses so because no keychain is available, in this process's memory only.
 * Never in a file, a log or an error message.
 *
 * The keychain is asked one call at a time. A call unanswered within the timeout makes the
 * keychain unavailable, answered at once, until `retryAfterMs` has passed and that call has
 * ended (or been abandoned): a silent D-Bus costs one timeout, not one per rig and request,
 * and no more than one thread.
 */
interface KeyWaiter {
  resolve(key: string | null): void;
  reject(e: unknown): void;
}

export class SecretStore {
  readonly #keychain: Keychain;
  readonly #timeoutMs: number;
  readonly #cacheMs: number;
  readonly #retryAfterMs: number;
  readonly #session = new Map<string, string>();
  readonly #cache = new Map<string, { key: string | null; readAtMs: number }>();
  readonly #reads = new Map<string, Promise<string | null>>();
  /** Keys asked for and not read yet; `#readQueued`: a keychain call for them waits in the lane. */
  readonly #wanted = new Map<string, KeyWaiter>();
  #readQueued = false;
  /** The last keychain read failed: until one succeeds, a key never read counts as unavailable. */
  #lastReadFailed = false;
  readonly #listeners = new Set<(rigId: string) => void>();
  /** The calls, one after another. */
  #lane: Promise<unknown> = Promise.resolve();
  /** Set while an unanswered call has not ended, and until when the keychain is not asked again. */
  #unanswered: { call: Promise<unknown> | null; untilMs: number } | null = null;

  constructor(keychain: Keychain = defaultKeychain(), options: SecretStoreOptions = {}) {
    this.#keychain = keychain;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#cacheMs = options.cacheMs ?? 5_000;
    this.#retryAfterMs = options.retryAfterMs ?? 60_000;
  }

  /** The rig's key: a session key first, then the keychain. Throws 'keychain-unavailable'. */
  async getKey(rigId: string): Promise<string | null> {
    const session = this.#session.get(rigId);
    if (session !== undefined) return session;
    const cached = this.#cache.get(rigId);
    if (cached && performance.now() - cached.readAtMs < this.#cacheMs) return cached.key;
    // Many asking for one key at once (status polls, rig summaries) share one call.
    let read = this.#reads.get(rigId);
    if (!read) {
      read = new Promise<string | null>((resolve, reject) => {
        this.#wanted.set(rigId, { resolve, reject });
        this.#queueRead();
      }).finally(() => this.#reads.delete(rigId));
      this.#reads.set(rigId, read);
    }
    return read;
  }

  /**
   * One keychain call for every key wanted while the calls before it ran: one key is read
   * alone, several (a fleet's rigs at start) with one listing of the service, not one round
   * trip each.
   */
  #queueRead(): void {
    if (this.#readQueued) return;
    this.#readQueued = true;
    let taken: Map<string, KeyWaiter> | null = null;
    const take = () => {
      this.#readQueued = false;
      taken = new Map(this.#wanted);
      this.#wanted.clear();
      return taken;
    };
    this.#call('read', async () => {
      const ids = [...take().keys()];
      if (ids.length === 1) return new Map([[ids[0]!, await this.#keychain.getPassword(KEYCHAIN_SERVICE, ids[0]!)]]);
      const listed = new Map((await this.#keychain.findCredentials(KEYCHAIN_SERVICE)).map((c) => [c.account, c.password]));
      return new Map(ids.map((id) => [id, listed.get(id) ?? null]));
    }).then(
      (keys) => {
        this.#lastReadFailed = false;
        const readAtMs = performance.now();
        for (const [id, waiter] of taken ?? []) {
          const key = keys.get(id) ?? null;
          this.#cache.set(id, { key, readAtMs });
          waiter.resolve(key);
        }
      },
      (e: unknown) => {
        // Refused before it ran (the keychain did not answer a moment ago): those waiting now.
        this.#lastReadFailed = true;
        for (const waiter of (taken ?? take()).values()) waiter.reject(e);
      },
    );
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
    this.#cache.set(rigId, { key: clean, readAtMs: performance.now() });
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
      this.#cache.set(rigId, { key: null, readAtMs: performance.now() });
    } finally {
      this.#changed(rigId);
    }
  }

  /**
   * Why the keychain cannot be used now, or null when it answers. Asks for the key of no
   * rig: nothing is read, and a keychain that does not answer costs what any call costs.
   */
  async keychainProblem(): Promise<string | null> {
    try {
      await this.#call('read', () => this.#keychain.getPassword(KEYCHAIN_SERVICE, NO_RIG));
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
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

  /**
   * Where the key is as far as this process already knows, without asking the keychain;
   * null before the keychain was first read for this rig.
   */
  knownKeyState(rigId: string): KeyState | null {
    if (this.#session.has(rigId)) return 'session';
    const cached = this.#cache.get(rigId);
    if (cached) return cached.key === null ? 'none' : 'keychain';
    return this.#unanswered !== null || this.#lastReadFailed ? 'keychain-unavailable' : null;
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

  #call<T>(what: 'read' | 'store' | 'delete', fn: () => Promise<T>): Promise<T> {
    const run = this.#lane.then(() => this.#attempt(what, fn));
    this.#lane = run.catch(() => undefined);
    return run;
  }

  async #attempt<T>(what: 'read' | 'store' | 'delete', fn: () => Promise<T>): Promise<T> {
    const unanswered = this.#unanswered;
    if (unanswered !== null) {
      if (unanswered.call !== null || performance.now() < unanswered.untilMs) {
        const waitS = Math.max(1, Math.ceil((unanswered.untilMs - performance.now()) / 1000));
        const when = unanswered.call !== null ? 'while that call is unanswered' : `for ${waitS} s`;
        throw keychainUnavailable(what, new Error(`it did not answer within ${this.#timeoutMs} ms a moment ago, and is not asked again ${when}`));
      }
      this.#unanswered = null;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), this.#timeoutMs);
    });
    const call = fn();
    try {
      const first = await Promise.race([call, timeout]);
      if (first !== TIMED_OUT) return first;
    } catch (e) {
      throw keychainUnavailable(what, e);
    } finally {
      clearTimeout(timer);
    }
    this.#giveUp(call);
    throw keychainUnavailable(what, new Error(`no answer within ${this.#timeoutMs} ms`));
  }

  /** An unanswered call: not waited for, remembered until it ends, abandoned where the keychain can. */
  #giveUp(call: Promise<unknown>): void {
    const unanswered = { call: call as Promise<unknown> | null, untilMs: performance.now() + this.#retryAfterMs };
    this.#unanswered = unanswered;
    const ended = () => {
      unanswered.call = null;
    };
    call.then(ended, ended);
    if (canAbandon(this.#keychain)) this.#keychain.abandon(`no answer within ${this.#timeoutMs} ms`);
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
