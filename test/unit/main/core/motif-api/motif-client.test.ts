import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimFleet, SimRig } from '../../../../../src-main/sim';
import { isRecordingStatus } from '../../../../../src-main/core/motif-api/camera-state';
import { fanOut } from '../../../../../src-main/core/motif-api/fan-out';
import { fetchPeerCertificate } from '../../../../../src-main/core/motif-api/fingerprint';
import type { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
import { RigCallError } from '../../../../../src-main/core/motif-api/rig-call-error';
import { clientFor, startFleet } from './sim-fixture';

let fleet: SimFleet;
let rig: SimRig;
const opened: MotifClient[] = [];
const open = (...args: Parameters<typeof clientFor>) => {
  const c = clientFor(...args);
  opened.push(c);
  return c;
};

beforeAll(async () => {
  fleet = await startFleet(1);
  rig = fleet.rigs[0]!;
});
afterAll(async () => {
  await fleet.stop();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.destroy()));
  rig.reset();
  await rig.comeBack();
});

/** The RigCallError a promise rejects with; fails the test if it resolves. */
async function failure(p: Promise<unknown>): Promise<RigCallError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RigCallError);
  const error = e as RigCallError;
  // Whatever failed, the key stays out of what a user or a log sees.
  expect(error.message).not.toContain(rig.info.apiKey);
  expect(JSON.stringify(error.toMotifError())).not.toContain(rig.info.apiKey);
  return error;
}

const requestsTo = (endpoint: string) => rig.events().filter((e) => e.kind === 'request' && e.endpoint === endpoint);

describe('MotifClient against the simulator', () => {
  it('reads version, cameras and camera status, keeping fields the table does not know', async () => {
    const client = open(rig);
    const version = await client.invoke('version');
    expect(version).toHaveProperty('version');
    expect(version).toHaveProperty('simulated', true); // not a documented field: kept
    const { cameras } = await client.invoke('cameras');
    expect(cameras?.map((c) => (c as { serial?: unknown } | null)?.serial)).toEqual(rig.info.serials);
    const status = await client.invoke('camera.status', { serial: 'FAKE0' });
    expect(status.camera_info?.serial).toBe('FAKE0');
  });

  it('starts and stops a recording with typed arguments, as the rig logs them', async () => {
    const client = open(rig);
    await client.invoke('recording.start', { serial: 'FAKE1' }, { codec: 'high', duration: 30, filename: 'trial', metadata: { fly: 7 } });
    expect(isRecordingStatus(await client.invoke('camera.status', { serial: 'FAKE1' }))).toBe(true);
    expect(isRecordingStatus(await client.invoke('camera.status', { serial: 'FAKE0' }))).toBe(false);
    await client.invoke('recording.stop', { serial: 'FAKE1' });
    expect(isRecordingStatus(await client.invoke('camera.status', { serial: 'FAKE1' }))).toBe(false);
    expect(requestsTo('camera/FAKE1/recording/start')).toEqual([
      expect.objectContaining({ method: 'POST', status: 200, args: { codec: 'high', duration: 30, filename: 'trial', metadata: { fly: 7 } } }),
    ]);
    expect(requestsTo('camera/FAKE1/recording/stop')[0]).toMatchObject({ method: 'POST', args: {} });
  });

  it('sends Infinity as the bare token an output toggle needs', async () => {
    const client = open(rig);
    await client.invoke('outputs.set', { params: { name: 'led' } }, { value: Infinity });
    await client.invoke('outputs.set', { serial: 'FAKE0', params: { name: 'ledgreen' } }, { value: -Infinity });
    expect(requestsTo('io/led/set')[0]?.args).toEqual({ value: Infinity });
    expect(requestsTo('camera/FAKE0/io/ledgreen/set')[0]?.args).toEqual({ value: -Infinity });
  });

  it('uses PATCH for configure and DELETE for clearing one task, as the wire table says', async () => {
    const client = open(rig);
    await client.invoke('cameras.configure', { serial: 'FAKE0' }, { AcquisitionFrameRate: 25 });
    await client.invoke('schedule.recording.start', {}, { task_name: 'rec9', cron_expression: '0 0 9 * * *', duration: 60 });
    expect(await client.invoke('schedule')).toMatchObject({ now: expect.any(Number) });
    await client.invoke('schedule.clearTask', { params: { task_name: 'rec9' } });
    expect(requestsTo('camera/FAKE0/configure')[0]).toMatchObject({ method: 'PATCH', args: { AcquisitionFrameRate: 25 } });
    expect(requestsTo('schedule/recording/start')[0]).toMatchObject({
      method: 'POST',
      args: { task_name: 'rec9', cron_expression: '0 0 9 * * *', duration: 60 },
    });
    expect(requestsTo('schedule/rec9/clear')[0]).toMatchObject({ method: 'DELETE' });
  });

  it('trusts the rig through its CA file, with the host name unchecked', async () => {
    const client = open(rig, { host: 'localhost', trust: { kind: 'ca', caPem: readFileSync(rig.info.certPath) } });
    expect((await client.invoke('cameras')).cameras).toHaveLength(2);
  });

  it('reads the fingerprint to pin without trusting the certificate', async () => {
    const cert = await fetchPeerCertificate(rig.info.host, rig.info.port, 2_000);
    expect(cert.fingerprint256).toBe(rig.info.fingerprint256);
    expect(cert.trustedBySystem).toBe(false);
  });
});

describe('MotifClient failures', () => {
  it('times out when the rig is slower than the response timeout', async () => {
    rig.setFault('latency=400');
    const started = performance.now();
    const e = await failure(open(rig, { responseTimeoutMs: 150 }).invoke('version'));
    expect(e.code).toBe('rig-timeout');
    expect(e.message).toMatch(/did not answer the request to read the software version within 0\.15 s/);
    expect(performance.now() - started).toBeLessThan(380);
  });

  it('honours a per-call timeout over the client default', async () => {
    rig.setFault('latency=300');
    const client = open(rig, { responseTimeoutMs: 5_000 });
    expect((await failure(client.call('cameras', undefined, { timeoutMs: 100 }))).code).toBe('rig-timeout');
    expect(await client.call('cameras', undefined, { timeoutMs: 2_000 })).toHaveProperty('cameras');
  });

  it('times out when the rig never answers', async () => {
    rig.setFault('hang');
    expect((await failure(open(rig, { responseTimeoutMs: 200 }).invoke('recording.stop'))).code).toBe('rig-timeout');
  });

  it('lets the caller cancel a call, which is then no rig failure', async () => {
    rig.setFault('hang');
    const controller = new AbortController();
    const pending = open(rig).invoke('cameras').then(() => 'answered', (e: unknown) => e);
    const cancelled = open(rig).call('cameras', undefined, { signal: controller.signal }).then(() => 'answered', (e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const e = await cancelled;
    expect(e).not.toBeInstanceOf(RigCallError);
    expect((e as Error).name).toBe('AbortError');
    void pending; // the other call still waits; afterEach destroys its client
  });

  it('refuses input undici rejects as invalid-args, every time and at once: the client is never wedged', async () => {
    // A key with a character no HTTP header can carry: undici refuses the request before sending.
    const client = open(rig, { apiKey: `${rig.info.apiKey}\u589e` });
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const e = await Promise.race([
        client.call('cameras', undefined, { timeoutMs: 1_000 }).then(() => 'answered', (err: unknown) => err),
        new Promise((r) => setTimeout(() => r('still pending'), 3_000)),
      ]);
      expect(e, `call ${i + 1}`).toMatchObject({ code: 'invalid-args' });
      expect((e as Error).message).toMatch(/API key/);
      expect((e as Error).message).not.toContain(rig.info.apiKey);
      expect(performance.now() - started).toBeLessThan(1_500);
    }
    expect(requestsTo('cameras')).toHaveLength(0);
  });

  it('keeps the per-call deadline for a call still waiting for a free connection', async () => {
    rig.setFault('hang@^cameras$');
    const client = open(rig, { connections: 1 });
    const hung = client.call('cameras', undefined, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const e = await Promise.race([
      client.call('version', undefined, { timeoutMs: 1_000 }).then(() => 'answered', (err: unknown) => err),
      new Promise((r) => setTimeout(() => r('still pending'), 3_500)),
    ]);
    expect(e).toBeInstanceOf(RigCallError);
    expect((e as RigCallError).code).toBe('rig-timeout');
    expect(performance.now() - started).toBeLessThan(1_600);
    void hung;
  });

  it('sends a command at once while slow reads hold every read connection', async () => {
    rig.setFault('latency=1500@^cameras$');
    const client = open(rig);
    const reads = Array.from({ length: 8 }, () => client.call('cameras', undefined, { timeoutMs: 5_000 }));
    await new Promise((r) => setTimeout(r, 150));
    const started = performance.now();
    await client.invoke('recording.stop');
    expect(performance.now() - started).toBeLessThan(700);
    // The reads waited for a connection without that wait counting against their deadline.
    expect((await Promise.all(reads)).every((r) => typeof r === 'object')).toBe(true);
  });

  it('calls a connection never made a connect timeout, not a slow answer', async () => {
    // Accepts TCP and never says a word: the TLS handshake never ends.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const client = open(rig, { port: (silent.address() as AddressInfo).port, connectTimeoutMs: 5_000 });
      const started = performance.now();
      const e = await failure(client.call('cameras', undefined, { timeoutMs: 400 }));
      expect(e.code).toBe('rig-timeout');
      expect(e.details.causeCode).toBe('UND_ERR_CONNECT_TIMEOUT');
      expect(e.message).toMatch(/did not accept a connection within 0\.4 s/);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      silent.close();
    }
  });

  it('reports a reset as unreachable, retrying a GET once and a POST never', async () => {
    rig.setFault('reset');
    const client = open(rig);
    const read = await failure(client.invoke('cameras'));
    expect(read.code).toBe('rig-unreachable');
    expect(read.message).toMatch(/closed the connection/);
    const command = await failure(client.invoke('recording.start', {}, { codec: 'high' }));
    expect(command.code).toBe('rig-unreachable');
    expect(command.message).toMatch(/may or may not have been carried out/);
    expect(requestsTo('cameras')).toHaveLength(2);
    expect(requestsTo('recording/start')).toHaveLength(1);
  });

  it("carries the rig's message and status for an HTTP 500", async () => {
    rig.setFault('http500=disk controller on fire');
    const e = await failure(open(rig).invoke('recording.start', {}, {}));
    expect(e.code).toBe('rig-error');
    expect(e.details).toMatchObject({ httpStatus: 500, rigMessage: 'disk controller on fire' });
    expect(e.message).toContain('disk controller on fire');
  });

  it('names the task in a refused schedule call', async () => {
    rig.setFault('http500=no more room in the schedule');
    const e = await failure(open(rig).invoke('schedule.recording.start', {}, { task_name: 'morning-run', cron_expression: '0 0 6 * * *', duration: 60 }));
    expect(e.message).toMatch(/^The rig at [\d.:]+ did not schedule task "morning-run": Start recording on all cameras/);
    expect(e.message).not.toMatch(/task :/);
  });

  it('calls a body that is not JSON a bad response', async () => {
    rig.setFault('garbage');
    const e = await failure(open(rig).invoke('version'));
    expect(e.code).toBe('rig-bad-response');
    expect(e.message).toMatch(/unknown API error/);
  });

  it('reports an offline rig as unreachable', async () => {
    const client = open(rig);
    await client.invoke('version');
    await rig.goOffline();
    const e = await failure(client.invoke('version'));
    expect(e.code).toBe('rig-unreachable');
    await rig.comeBack();
    expect(await client.invoke('version')).toHaveProperty('version');
  });

  it('reports a wrong key as rejected, without echoing it', async () => {
    const e = await failure(open(rig, { apiKey: 'not-the-key' }).invoke('cameras'));
    expect(e.code).toBe('key-rejected');
    expect(e.details.httpStatus).toBe(401);
    expect(e.message).not.toContain('not-the-key');
  });

  it('refuses a rig whose certificate is not the pinned one, naming both fingerprints', async () => {
    const pinned = 'AB:'.repeat(31) + 'AB';
    const e = await failure(open(rig, { trust: { kind: 'fingerprint', fingerprint256: pinned.replace(/:/g, '').toLowerCase() } }).invoke('cameras'));
    expect(e.code).toBe('tls-fingerprint-changed');
    expect(e.details).toMatchObject({ expectedFingerprint: pinned, actualFingerprint: rig.info.fingerprint256 });
    expect(requestsTo('cameras')).toHaveLength(0); // the key never went out
  });

  it('says a port that answers plain HTTP is not HTTPS, for a pinned and an unpinned rig alike', async () => {
    const plain = createHttpServer((_req, res) => res.end('{}'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    try {
      const port = (plain.address() as AddressInfo).port;
      for (const trust of [{ kind: 'fingerprint', fingerprint256: rig.info.fingerprint256 }, { kind: 'system' }] as const) {
        const e = await failure(open(rig, { port, trust }).invoke('version'));
        expect(e.code).toBe('rig-bad-response');
        expect(e.message).toMatch(/answers plain HTTP, not HTTPS/);
      }
    } finally {
      plain.close();
    }
  });

  it('refuses the self-signed certificate without a CA file or pin', async () => {
    const e = await failure(open(rig, { trust: { kind: 'system' } }).invoke('version'));
    expect(e.code).toBe('tls-untrusted');
    expect(e.message).toMatch(/--ca|fingerprint/);
  });
});

describe('fanOut over simulated rigs', () => {
  it('gives each rig its own result, an offline rig failing alone', async () => {
    const three = await startFleet(3, { cameras: 1 });
    const clients = three.rigs.map((r) => clientFor(r));
    try {
      await three.rigs[1]!.goOffline();
      const results = await fanOut(clients, (c) => c.invoke('recording.start', {}, { codec: 'low' }));
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(results[1]).toMatchObject({ ok: false, error: { code: 'rig-unreachable' } });
      for (const i of [0, 2]) expect(three.rigs[i]!.state.cameras[three.rigs[i]!.info.serials[0]!]?.status).not.toBe('idle');
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
      await three.stop();
    }
  });
});
