import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFault, type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, rawRequest, testDataDir } from './sim-test-client';

describe('parseFault', () => {
  it('reads every fault kind with an optional endpoint filter', () => {
    expect(parseFault('latency=20')).toEqual({ kind: 'latency', ms: 20 });
    expect(parseFault('reset')).toEqual({ kind: 'reset' });
    expect(parseFault('http500')).toEqual({ kind: 'http500' });
    expect(parseFault('http500=disk error')).toEqual({ kind: 'http500', message: 'disk error' });
    expect(parseFault('garbage@^cameras$')).toEqual({ kind: 'garbage', endpoint: '^cameras$' });
    expect(parseFault('hang@recording/start')).toEqual({ kind: 'hang', endpoint: 'recording/start' });
    expect(parseFault('offline')).toEqual({ kind: 'offline' });
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['latency', 'latency=-5', 'latency=abc', 'boom', 'reset@(', 'offline@version']) {
      expect(() => parseFault(bad), bad).toThrow();
    }
  });
});

describe('faults over HTTPS', () => {
  let fleet: SimFleet;
  const rig = () => fleet.rigs[0]!;
  const info = () => rig().info;

  beforeAll(async () => {
    fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false });
  });
  afterAll(() => fleet.stop());
  beforeEach(() => rig().reset());

  it('adds latency, only to matching endpoints', async () => {
    rig().setFault('latency=300@^cameras$');
    let t = Date.now();
    await ok(info(), 'GET', 'cameras');
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    t = Date.now();
    await ok(info(), 'GET', 'version');
    expect(Date.now() - t).toBeLessThan(250);
  });

  it('answers 500 in the vendor shape', async () => {
    rig().setFault({ kind: 'http500', message: 'camera driver crashed' });
    const r = await rawRequest(info(), 'GET', '/api/1/cameras');
    expect(r.status).toBe(500);
    expect(JSON.parse(r.text)).toEqual({ error: 'camera driver crashed', status_code: 500 });
  });

  it('answers a body that is not JSON', async () => {
    rig().setFault('garbage');
    const r = await rawRequest(info(), 'GET', '/api/1/cameras');
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('resets the connection', async () => {
    rig().setFault('reset@recording/start');
    await expect(rawRequest(info(), 'POST', '/api/1/recording/start')).rejects.toThrow(/ECONNRESET|socket hang up/);
    expect((await call(info(), 'GET', 'version')).status).toBe(200);
    expect(rig().state.cameras.FAKE0!.status).toBe('idle');
  });

  it('hangs until the client gives up, and clears', async () => {
    rig().setFault('hang');
    await expect(rawRequest(info(), 'GET', '/version', { timeoutMs: 300 })).rejects.toThrow(/timeout/);
    rig().clearFaults();
    expect((await call(info(), 'GET', 'version')).status).toBe(200);
  });

  it('goes offline (connection refused) and comes back on the same port', async () => {
    await rig().goOffline();
    await expect(rawRequest(info(), 'GET', '/version')).rejects.toThrow(/ECONNREFUSED/);
    expect(rig().state.online).toBe(false);
    await rig().comeBack();
    expect((await call(info(), 'GET', 'version')).status).toBe(200);
  });

  it('drops hanging connections when going offline', async () => {
    rig().setFault('hang');
    const pending = rawRequest(info(), 'GET', '/version', { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 100));
    await rig().goOffline();
    await expect(pending).rejects.toThrow();
    await rig().comeBack();
  });

  it('applies an initial fault given as an option', async () => {
    const f = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, rigs: 2, fault: 'http500@version' });
    try {
      for (const r of f.rigs) {
        expect((await call(r.info, 'GET', 'version')).status).toBe(500);
        expect((await call(r.info, 'GET', 'cameras')).status).toBe(200);
      }
    } finally {
      await f.stop();
    }
  });
});
