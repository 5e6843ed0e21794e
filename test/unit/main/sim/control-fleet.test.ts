import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, rawRequest, sleep, testDataDir } from './sim-test-client';

describe('the /_sim/ control surface', () => {
  let fleet: SimFleet;
  const info = () => fleet.rigs[0]!.info;
  const control = (method: string, p: string, body?: unknown, apiKey?: string | null) =>
    rawRequest(info(), method, `/_sim/${p}`, {
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(apiKey === undefined ? {} : { apiKey }),
    }).then((r) => ({ status: r.status, body: JSON.parse(r.text) }));

  beforeAll(async () => {
    fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, control: true, copySeconds: 30 });
  });
  afterAll(() => fleet.stop());

  it('needs the API key', async () => {
    expect((await control('GET', 'events', undefined, 'nope')).status).toBe(401);
  });

  it('reads the event log and state', async () => {
    await ok(info(), 'POST', 'io/led/set', { value: 1 });
    const ev = await control('GET', 'events');
    expect(ev.body.events.at(-1)).toMatchObject({ kind: 'request', method: 'POST', endpoint: 'io/led/set', status: 200 });
    expect(ev.body.events.some((e: { endpoint: string }) => e.endpoint.startsWith('_sim'))).toBe(false);
    const st = await control('GET', 'state');
    expect(st.body.cameras.FAKE0.outputs.led).toBe(1);
  });

  it('sets and clears faults, and rejects bad specs', async () => {
    expect((await control('POST', 'fault', { fault: 'http500@^cameras$' })).status).toBe(200);
    expect((await call(info(), 'GET', 'cameras')).status).toBe(500);
    expect((await control('GET', 'state')).status).toBe(200);
    expect((await control('DELETE', 'fault')).status).toBe(200);
    expect((await call(info(), 'GET', 'cameras')).status).toBe(200);
    const bad = await control('POST', 'fault', { fault: 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/unknown fault/);
  });

  it('finishes jobs, sets inputs and disk use, resets', async () => {
    await ok(info(), 'POST', 'camera/FAKE0/recording/start');
    await ok(info(), 'POST', 'camera/FAKE0/recording/stop');
    await ok(info(), 'POST', 'recordings/copy_all');
    expect((await ok(info(), 'GET', 'camera/FAKE0')).playback_info).toMatchObject({ status: 'copying' });
    await control('POST', 'jobs/finish');
    expect((await ok(info(), 'GET', 'camera/FAKE0')).playback_info).toMatchObject({ status: 'copy finished' });
    await control('POST', 'input', { name: 'in0', value: 1 });
    expect((await ok(info(), 'GET', 'io/read')).inputs).toMatchObject({ in0: 1 });
    await control('POST', 'disk', { percent: 97 });
    expect((await call(info(), 'POST', 'recording/start')).status).toBe(409);
    await control('POST', 'reset');
    expect((await ok(info(), 'GET', 'recordings')).recordings).toEqual([]);
    // Only the call made after the reset is left in the log.
    expect((await control('GET', 'events')).body.events.map((e: { endpoint: string }) => e.endpoint)).toEqual(['recordings']);
    expect((await control('GET', 'nothing-here')).status).toBe(404);
  });

  it('goes offline for a while and comes back by itself', async () => {
    expect((await control('POST', 'offline', { seconds: 0.3 })).status).toBe(200);
    await sleep(150);
    await expect(rawRequest(info(), 'GET', '/version')).rejects.toThrow(/ECONNREFUSED/);
    await sleep(400);
    expect((await call(info(), 'GET', 'version')).status).toBe(200);
  });

  it('is not there without control: true', async () => {
    const plain = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false });
    try {
      expect((await rawRequest(plain.rigs[0]!.info, 'GET', '/_sim/events')).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});

async function freePortRun(count: number): Promise<number> {
  // Find a base port with `count` free consecutive ports by probing.
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const free = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        new Promise<boolean>((resolve) => {
          const s = net.createServer();
          s.once('error', () => resolve(false));
          s.listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)));
        }),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free port run');
}

describe('fleets', () => {
  it('starts N rigs on consecutive ports with unique serials and one key and certificate', async () => {
    const base = await freePortRun(3);
    const fleet = await startSimulatedRigs({ port: base, rigs: 3, dataDir: testDataDir(), streams: false });
    try {
      const infos = fleet.rigs.map((r) => r.info);
      expect(infos.map((i) => i.port)).toEqual([base, base + 1, base + 2]);
      expect(infos.map((i) => i.url)).toEqual(infos.map((i) => `https://127.0.0.1:${i.port}`));
      expect(infos.flatMap((i) => i.serials)).toEqual(['FAKE0', 'FAKE1', 'FAKE2', 'FAKE3', 'FAKE4', 'FAKE5']);
      expect(new Set(infos.map((i) => i.apiKey)).size).toBe(1);
      expect(infos[0]!.apiKey).toMatch(/^[0-9a-f]{32}$/);
      const cert = new X509Certificate(readFileSync(infos[0]!.certPath));
      for (const i of infos) expect(i.fingerprint256).toBe(cert.fingerprint256);
      for (const i of infos) expect((await ok(i, 'GET', 'cameras')).cameras).toHaveLength(2);
    } finally {
      await fleet.stop();
    }
  });

  it('gives each rig its own key with perRigKeys, and fails cleanly on a taken port', async () => {
    const fleet = await startSimulatedRigs({ port: 0, rigs: 2, perRigKeys: true, dataDir: testDataDir(), streams: false });
    try {
      const [a, b] = fleet.rigs.map((r) => r.info);
      expect(a!.apiKey).not.toBe(b!.apiKey);
      expect((await rawRequest(b!, 'GET', '/version', { apiKey: a!.apiKey })).status).toBe(401);
      await expect(startSimulatedRigs({ port: a!.port, dataDir: testDataDir(), streams: false })).rejects.toThrow(/EADDRINUSE/);
      await expect(startSimulatedRigs({ port: 0, timeZone: 'Mars/Olympus', streams: false })).rejects.toThrow(/time zone/);
    } finally {
      await fleet.stop();
    }
  });
});
