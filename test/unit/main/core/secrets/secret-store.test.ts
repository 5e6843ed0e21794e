import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, keytarKeychain, type Keychain } from '../../../../../src-main/core/secrets/keychain';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { keychainGate } from './keychain-fixture';

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
    const store = new SecretStore({ getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => true });
    const error = await store.setKey('r', key).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'invalid-args' });
    if (key.trim()) expect((error as Error).message).not.toContain(key.trim());
  });
});
