import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { ConfigFile } from '../../../../../src-main/core/registry/config-file';
import { confStoreFactory } from '../../../../../src-main/core/registry/conf-store-factory';
import { RigConnector } from '../../../../../src-main/core/registry/rig-connector';
import { RigRegistry } from '../../../../../src-main/core/registry/rig-registry';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import type { SimFleet } from '../../../../../src-main/sim';
import { startFleet } from '../motif-api/sim-fixture';
import { MemoryKeychain } from '../secrets/memory-keychain';

let fleet: SimFleet;
beforeAll(async () => {
  fleet = await startFleet(2);
});
afterAll(async () => {
  await fleet.stop();
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-connector-'));
  const registry = new RigRegistry(new ConfigFile({ configDir: dir, factory: confStoreFactory, notices: new NoticeBoard() }));
  const secrets = new SecretStore(new MemoryKeychain(), { cacheMs: 0 });
  const connector = new RigConnector(registry, secrets, { timeoutMs: 3000 });
  const addSim = async (index: number, name = `Sim ${index}`) => {
    const info = fleet.rigs[index]!.info;
    const rig = registry.add({ name, host: info.host, port: info.port, trust: { kind: 'fingerprint', sha256: info.fingerprint256 } });
    await secrets.setKey(rig.id, info.apiKey);
    return rig;
  };
  return { registry, secrets, connector, addSim };
}

describe('RigConnector', () => {
  it('hands out one pooled client per rig that talks to it', async () => {
    const { connector, addSim } = setup();
    const rig = await addSim(0);
    const [a, b] = await Promise.all([connector.clientFor(rig.id), connector.clientFor(rig.id)]);
    expect(a).toBe(b);
    expect((await a.invoke('cameras')).cameras?.map((c) => (c as { serial?: unknown } | null)?.serial)).toEqual(fleet.rigs[0]!.info.serials);
    expect(await connector.clientFor(rig.id)).toBe(a);
    await connector.close();
  });

  it('rebuilds the client when address, trust or key change', async () => {
    const { registry, secrets, connector, addSim } = setup();
    const rig = await addSim(0);
    const first = await connector.clientFor(rig.id);
    const other = fleet.rigs[1]!.info;
    registry.update(rig.id, { port: other.port, trust: { kind: 'fingerprint', sha256: other.fingerprint256 } });
    await secrets.setKey(rig.id, other.apiKey);
    const moved = await connector.clientFor(rig.id);
    expect(moved).not.toBe(first);
    expect(moved.port).toBe(other.port);
    expect((await moved.invoke('cameras')).cameras?.map((c) => (c as { serial?: unknown } | null)?.serial)).toEqual(other.serials);
    await secrets.setKey(rig.id, 'another-key');
    expect(await connector.clientFor(rig.id)).not.toBe(moved);
    await connector.close();
  });

  it("rejects with the contract's codes: not-found, key-rejected without a key, tls-untrusted without trust", async () => {
    const { registry, secrets, connector } = setup();
    await expect(connector.clientFor('nope')).rejects.toMatchObject({ code: 'not-found' });
    const rig = registry.add({ name: 'Bare', host: '127.0.0.1', port: fleet.rigs[0]!.info.port });
    await expect(connector.clientFor(rig.id)).rejects.toMatchObject({ code: 'key-rejected', message: /No API key is set for rig "Bare"/ });
    await secrets.setKey(rig.id, fleet.rigs[0]!.info.apiKey);
    await expect(connector.clientFor(rig.id)).rejects.toMatchObject({ code: 'tls-untrusted' });
    registry.update(rig.id, { trust: { kind: 'ca', caPath: '/nonexistent/server.crt' } });
    await expect(connector.clientFor(rig.id)).rejects.toMatchObject({ code: 'config-error', message: /Cannot read the CA file/ });
    registry.update(rig.id, { trust: { kind: 'ca', caPath: fleet.rigs[0]!.info.certPath } });
    const client = await connector.clientFor(rig.id);
    expect((await client.invoke('version')) !== undefined).toBe(true);
    await connector.close();
  });

  it('drops the client of a removed rig', async () => {
    const { registry, connector, addSim } = setup();
    const rig = await addSim(0);
    const client = await connector.clientFor(rig.id);
    registry.remove(rig.id);
    await expect(connector.clientFor(rig.id)).rejects.toMatchObject({ code: 'not-found' });
    // The removed rig's pool is closed: a new call cannot be made on it.
    await expect(client.invoke('version')).rejects.toBeTruthy();
    await connector.close();
  });
});

describe('core boundaries', () => {
  it('core never imports electron-store (it imports electron)', () => {
    const files = (readdirSync(path.resolve('src-main/core'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(path.resolve('src-main/core', f), 'utf8'), f).not.toMatch(/from ['"]electron-store['"]/);
  });
});
