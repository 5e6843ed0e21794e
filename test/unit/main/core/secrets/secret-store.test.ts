import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, keytarKeychain, type Keychain } from '../../../../../src-main/core/secrets/keychain';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { keychainGate } from './keychain-fixture';
import { MemoryKeychain } from './memory-keychain';

const gate = await keychainGate();
const used: string[] = [];
const rigId = () => {
  const id = `test-rig-${randomUUID()}`;
  used.push(id);
  return id;
};

describe.skipIf(gate.skip)('SecretStore against the real OS keychain', () => {
  afterAll(async () => {
    await Promise.all(used.map((id) => keytarKeychain.deletePassword(KEYCHAIN_SERVICE, id).catch(() => false)));
  });

  it('stores, reads, reports and deletes a key under service "Motif Control", account = rig id', async () => {
    const id = rigId();
    const store = new SecretStore();
    expect(await store.keyState(id)).toBe('none');
    expect(await store.setKey(id, '  0123abcd0123abcd \n')).toBe('keychain');
    expect(await keytarKeychain.getPassword('Motif Control', id)).toBe('0123abcd0123abcd');
    // Another process (a fresh store, nothing cached) finds it too.
    const other = new SecretStore();
    expect(await other.getKey(id)).toBe('0123abcd0123abcd');
    expect(await other.keyState(id)).toBe('keychain');
    await store.deleteKey(id);
    expect(await keytarKeychain.getPassword('Motif Control', id)).toBeNull();
    expect(await new SecretStore().keyState(id)).toBe('none');
  });

  it('reads keys wanted together with one listing of the service (the real keychain)', async () => {
    const ids = [rigId(), rigId(), rigId()];
    const writer = new SecretStore();
    for (const [i, id] of ids.entries()) await writer.setKey(id, `fleet-key-${i}`);
    const fresh = new SecretStore();
    const missing = `test-rig-${randomUUID()}`;
    expect(await Promise.all([...ids, missing].map((id) => fresh.getKey(id)))).toEqual(['fleet-key-0', 'fleet-key-1', 'fleet-key-2', null]);
  });

  it('keeps a session-only key out of the keychain', async () => {
    const id = rigId();
    const store = new SecretStore();
    expect(await store.setKey(id, 'session-key', { sessionOnly: true })).toBe('session');
    expect(await store.keyState(id)).toBe('session');
    expect(await store.getKey(id)).toBe('session-key');
    expect(await keytarKeychain.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
    expect(await new SecretStore().keyState(id)).toBe('none');
  });

  it('tells listeners which rig changed, never the key', async () => {
    const id = rigId();
    const store = new SecretStore();
    const seen: unknown[][] = [];
    store.onChange((...args) => seen.push(args));
    await store.setKey(id, 'k1');
    await store.deleteKey(id);
    expect(seen).toEqual([[id], [id]]);
  });
});

describe('SecretStore without a keychain', () => {
  it('fails with keychain-unavailable on a D-Bus without a Secret Service, then accepts a session key (real keytar)', async () => {
    const child = path.join(import.meta.dirname, 'keychain-child.ts');
    const { stdout } = await promisify(execFile)('npx', ['tsx', child], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', DISPLAY: '' },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout);
    expect(out.error.code).toBe('keychain-unavailable');
    expect(out.error.message).toMatch(/keychain could not store the API key .*session only/);
    expect(out.error.message).not.toContain('child-secret-key');
    expect(out).toMatchObject({ stateAfterFailure: 'keychain-unavailable', session: 'session', stateSession: 'session', keyBack: true });
    expect(out.stored).toBeUndefined();
  });

  it('turns any keychain failure or silence into keychain-unavailable, never a plain-text fallback', async () => {
    const broken: Keychain = {
      getPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
      findCredentials: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
      setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
      deletePassword: () => new Promise(() => {}),
    };
    const store = new SecretStore(broken, { timeoutMs: 50 });
    await expect(store.setKey('r', 'abc')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await expect(store.getKey('r')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await expect(store.deleteKey('r')).rejects.toMatchObject({ code: 'keychain-unavailable', message: /no answer within 50 ms/ });
    expect(await store.keyState('r')).toBe('keychain-unavailable');
    expect(await store.setKey('r', 'abc', { sessionOnly: true })).toBe('session');
    expect(await store.getKey('r')).toBe('abc');
  });

  it.each([[''], ['   '], ['two words'], ['x'.repeat(2000)]])('refuses %j as a key without echoing it', async (key) => {
    const store = new SecretStore({ getPassword: async () => null, findCredentials: async () => [], setPassword: async () => {}, deletePassword: async () => true });
    const error = await store.setKey('r', key).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'invalid-args' });
    if (key.trim()) expect((error as Error).message).not.toContain(key.trim());
  });
});

/** A keychain that answers only when told to; counts how it is asked. */
class SilentKeychain implements Keychain {
  calls = 0;
  running = 0;
  maxRunning = 0;
  abandoned = 0;
  answerAfterMs: number | null = null;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly canAbandon = false) {
    if (canAbandon) (this as unknown as { abandon: () => void }).abandon = () => this.abandoned++;
  }
  #ask<T>(value: T): Promise<T> {
    this.calls++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    return new Promise<T>((resolve) => {
      const answer = () => {
        this.running--;
        resolve(value);
      };
      if (this.answerAfterMs === null) this.#waiting.push(answer);
      else setTimeout(answer, this.answerAfterMs);
    });
  }
  answerAll(): void {
    for (const answer of this.#waiting.splice(0)) answer();
  }
  getPassword = (_s: string, account: string) => this.#ask<string | null>(`key-of-${account}`);
  listings = 0;
  findCredentials = () => {
    this.listings++;
    return this.#ask(['a', 'b', 'c', 'd'].map((account) => ({ account, password: `key-of-${account}` })));
  };
  setPassword = () => this.#ask<void>(undefined);
  deletePassword = () => this.#ask(true);
}

const elapsed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; result: T | Error }> => {
  const t = performance.now();
  const result = await fn().catch((e: unknown) => e as Error);
  return { ms: performance.now() - t, result };
};

describe('asking whether the keychain answers', () => {
  it('says why not when it fails, and nothing when it answers; no rig key is read', async () => {
    const asked: string[] = [];
    const broken: Keychain = {
      getPassword: (_service, account) => {
        asked.push(account);
        return Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
      },
      findCredentials: () => Promise.reject(new Error('not asked')),
      setPassword: () => Promise.reject(new Error('not asked')),
      deletePassword: () => Promise.reject(new Error('not asked')),
    };
    expect(await new SecretStore(broken).keychainProblem()).toMatch(/^The system keychain could not read the API key \(The name org.freedesktop.secrets/);
    expect(asked).toEqual(['keychain-check']);
    expect(await new SecretStore(new MemoryKeychain()).keychainProblem()).toBeNull();
  });
});

describe('SecretStore with a keychain that does not answer', () => {
  it('says keychain-unavailable at once for a while after one call went unanswered, instead of waiting again', async () => {
    const keychain = new SilentKeychain();
    const store = new SecretStore(keychain, { timeoutMs: 100, retryAfterMs: 5000 });
    const first = await elapsed(() => store.getKey('a'));
    expect(first.result).toMatchObject({ code: 'keychain-unavailable', message: /no answer within 100 ms/ });
    expect(first.ms).toBeGreaterThanOrEqual(90);
    const asks: (() => Promise<unknown>)[] = [() => store.getKey('b'), () => store.setKey('c', 'k1'), () => store.deleteKey('d')];
    for (const next of asks) {
      const r = await elapsed(next);
      expect(r.result).toMatchObject({ code: 'keychain-unavailable', message: /did not answer .*100 ms/ });
      expect(r.ms).toBeLessThan(50);
    }
    expect(await store.keyState('e')).toBe('keychain-unavailable');
    expect(keychain.calls).toBe(1);
    // A session key still works meanwhile.
    expect(await store.setKey('f', 'session', { sessionOnly: true })).toBe('session');
    keychain.answerAll();
  });

  it('asks again once the while is over and the unanswered call has ended', async () => {
    const keychain = new SilentKeychain();
    const store = new SecretStore(keychain, { timeoutMs: 50, retryAfterMs: 150, cacheMs: 0 });
    await expect(store.getKey('a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await new Promise((r) => setTimeout(r, 200));
    // Still hanging: asking again would only pile up calls behind it.
    await expect(store.getKey('a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(keychain.calls).toBe(1);
    keychain.answerAll();
    keychain.answerAfterMs = 1;
    await new Promise((r) => setTimeout(r, 0)); // the answer reaches the store
    expect(await store.getKey('a')).toBe('key-of-a');
    expect(keychain.calls).toBe(2);
  });

  it('abandons an unanswered call when the keychain can (its helper process is ended)', async () => {
    const keychain = new SilentKeychain(true);
    const store = new SecretStore(keychain, { timeoutMs: 50 });
    await expect(store.getKey('a')).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(keychain.abandoned).toBe(1);
    keychain.answerAll();
  });

  it('asks the keychain one call at a time, and reads of one key share one call', async () => {
    const keychain = new SilentKeychain();
    keychain.answerAfterMs = 10;
    const store = new SecretStore(keychain, { timeoutMs: 1000 });
    const first = store.getKey('a');
    await new Promise((r) => setTimeout(r, 1)); // its call is under way
    const keys = await Promise.all([first, ...['b', 'c', 'a', 'a', 'd'].map((id) => store.getKey(id))]);
    expect(keys).toEqual(['key-of-a', 'key-of-b', 'key-of-c', 'key-of-a', 'key-of-a', 'key-of-d']);
    expect(keychain.maxRunning).toBe(1);
    // 'a' alone, then the keys wanted meanwhile in one listing (not one call each).
    expect(keychain.calls).toBe(2);
    expect(keychain.listings).toBe(1);
  });

  it("reads a fleet's keys with one call, each rig getting its own key or none", async () => {
    const keychain = new MemoryKeychain();
    for (let i = 0; i < 200; i++) await keychain.setPassword(KEYCHAIN_SERVICE, `rig-${i}`, `key-${i}`);
    let calls = 0;
    const counted: Keychain = {
      getPassword: (s, a) => (calls++, keychain.getPassword(s, a)),
      findCredentials: (s) => (calls++, keychain.findCredentials(s)),
      setPassword: (s, a, p) => keychain.setPassword(s, a, p),
      deletePassword: (s, a) => keychain.deletePassword(s, a),
    };
    const store = new SecretStore(counted);
    const ids = [...Array.from({ length: 200 }, (_, i) => `rig-${i}`), 'no-such-rig'];
    const keys = await Promise.all(ids.map((id) => store.getKey(id)));
    expect(keys).toEqual([...Array.from({ length: 200 }, (_, i) => `key-${i}`), null]);
    expect(calls).toBe(1);
    expect(await store.keyState('rig-7')).toBe('keychain'); // from the cache
    expect(calls).toBe(1);
  });
});
