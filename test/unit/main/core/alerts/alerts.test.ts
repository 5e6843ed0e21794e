import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { AppNotice } from '../../../../../src-main/contract/requests/app';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet, type SimRig } from '../../../../../src-main/sim';
import { MemoryKeychain } from '../secrets/memory-keychain';
import { waitFor } from '../registry/rig-fixture';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const FAST = { intervalMs: 100, slowIntervalMs: 1000, requestTimeoutMs: 1000 };

describe('alerts raised by the core from what the rigs report', () => {
  let fleet: SimFleet;
  let sim: SimRig;
  let dir: string;
  const cores: AppCore[] = [];
  const keychain = new MemoryKeychain();

  beforeAll(async () => {
    fleet = await startSimulatedRigs({ port: 0, rigs: 1, cameras: 2, apiKey: KEY, streams: false, copySeconds: 1, dataDir: mkdtempSync(path.join(tmpdir(), 'motif-sim-')) });
    sim = fleet.rigs[0]!;
  });
  beforeEach(() => {
    sim.reset();
    dir = mkdtempSync(path.join(tmpdir(), 'motif-alerts-'));
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await fleet.stop();
  });

  function core(): AppCore {
    const c = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(keychain, { cacheMs: 0 }), monitor: FAST });
    cores.push(c);
    return c;
  }
  async function call<T>(c: AppCore, name: string, args: unknown): Promise<T> {
    const r = (await c.dispatch(name, args)) as Result<T>;
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }
  async function addRig(c: AppCore, name: string): Promise<string> {
    const rig = await call<{ id: string }>(c, 'rigs.add', {
      name,
      host: sim.info.host,
      port: sim.info.port,
      apiKey: KEY,
      trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
    });
    await waitFor(() => c.monitoring.monitor.get(rig.id)?.state === 'online', 10_000);
    return rig.id;
  }
  const notices = (c: AppCore) => call<AppNotice[]>(c, 'app.notices', {});
  const polls = (n: number) => new Promise((r) => setTimeout(r, n * FAST.intervalMs));

  it('tells a recording stopped by a full disk once, with rig, camera and reason; keeps it across a restart until dismissed; audits it', async () => {
    const c = core();
    const rigId = await addRig(c, 'Arena 1');
    const serial = sim.info.serials[0]!;
    const client = await c.connector.clientFor(rigId);
    await client.invoke('recording.start', { serial }, { filename: 'trial-1', duration: 600 });
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[0]?.state === 'recording');
    sim.setDiskUsedPercent(95);
    const stopped = await waitFor(async () => (await notices(c)).find((n) => n.episode?.startsWith('stopped-early:')));
    expect(stopped).toMatchObject({ level: 'error', rigId, rigName: 'Arena 1', serial });
    expect(stopped.message).toContain('trial-1');
    expect(stopped.message).toContain('stopped: disk 95 % full (Motif stops recording above 94 %)');
    expect(stopped.advice).toMatch(/Copy recordings off the rig/);
    await polls(8);
    const all = await notices(c);
    // One per episode, not one per poll: the stop and the full disk (which says more than "nearly full").
    expect(all.map((n) => n.episode?.split(':')[0]).sort()).toEqual(['disk-full', 'stopped-early']);

    await c.monitoring.audit.flush();
    const auditText = readdirSync(path.join(dir, 'audit')).map((f) => readFileSync(path.join(dir, 'audit', f), 'utf8')).join('');
    expect(auditText).toContain('"method":"ALERT"');
    expect(auditText).toContain('stopped: disk 95 % full');

    const left = await call<AppNotice[]>(c, 'app.notices.dismiss', { id: stopped.id });
    expect(left.map((n) => n.id)).not.toContain(stopped.id);
    expect((await c.dispatch('app.notices.dismiss', { id: stopped.id })).ok).toBe(false);
    await c.close();
    cores.splice(0);

    // Restarted on the same folder, with the disk still full: the kept alerts, not told again; the dismissed one stays dismissed.
    const again = core();
    await waitFor(() => again.monitoring.monitor.get(rigId)?.state === 'online', 10_000);
    await polls(5);
    const kept = await notices(again);
    expect(kept.map((n) => n.episode?.split(':')[0])).toEqual(['disk-full']);
  });

  it('warns once when the disk is nearly full, and again only after it was not', async () => {
    const c = core();
    const rigId = await addRig(c, 'Arena 2');
    sim.setDiskUsedPercent(88);
    const warning = await waitFor(async () => (await notices(c)).find((n) => n.episode === `disk-nearly-full:${rigId}`));
    expect(warning).toMatchObject({ level: 'warning', rigName: 'Arena 2' });
    expect(warning.message).toContain('88 % full');
    await polls(5);
    sim.setDiskUsedPercent(50);
    await polls(5);
    expect((await notices(c)).filter((n) => n.episode === `disk-nearly-full:${rigId}`)).toHaveLength(1);
    sim.setDiskUsedPercent(90);
    await waitFor(async () => (await notices(c)).filter((n) => n.episode === `disk-nearly-full:${rigId}`).length === 2);
  });

  it('tells a rig going offline while recording once, a recording stopped before its time, and a finished copy', async () => {
    const c = core();
    const rigId = await addRig(c, 'Arena 3');
    const [first, second] = sim.info.serials as [string, string];
    const client = await c.connector.clientFor(rigId);
    await client.invoke('recording.start', { serial: first }, { filename: 'long', duration: 600 });
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[0]?.state === 'recording');
    await sim.goOffline();
    const away = await waitFor(async () => (await notices(c)).find((n) => n.episode === `offline-recording:${rigId}`));
    expect(away).toMatchObject({ level: 'error', rigName: 'Arena 3', serial: first });
    expect(away.message).toMatch(/stopped answering while Camera 1 \(FAKE0\) recorded/);
    await polls(5);
    await sim.comeBack();
    await waitFor(() => c.monitoring.monitor.get(rigId)?.state === 'online', 10_000);
    expect((await notices(c)).filter((n) => n.episode === `offline-recording:${rigId}`)).toHaveLength(1);

    // Stopped by someone else (the rig's own web page, another PC): the app did not send it.
    const elsewhere = new MotifClient({ host: sim.info.host, port: sim.info.port, apiKey: KEY, trust: { kind: 'fingerprint', fingerprint256: sim.info.fingerprint256 } });
    await elsewhere.invoke('recording.stop', { serial: first });
    await elsewhere.destroy();
    const early = await waitFor(async () => (await notices(c)).find((n) => n.episode?.startsWith(`stopped-early:${rigId}:${first}`)));
    expect(early).toMatchObject({ level: 'warning', serial: first });
    expect(early.message).toMatch(/^Recording long\S* on Arena 3 Camera 1 \(FAKE0\) stopped \S+ before its requested duration\.$/);

    // A recording this app stopped is no alert.
    await client.invoke('recording.start', { serial: first }, { filename: 'stopped-here', duration: 600 });
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[0]?.state === 'recording');
    await client.invoke('recording.stop', { serial: first });
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[0]?.state === 'idle');
    await polls(3);
    expect((await notices(c)).some((n) => n.message.includes('stopped-here'))).toBe(false);

    // A recording that ran its full length is no alert.
    await client.invoke('recording.start', { serial: second }, { filename: 'short', duration: 1 });
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[1]?.state === 'recording');
    await waitFor(() => c.monitoring.monitor.get(rigId)?.cameras[1]?.state === 'idle', 5000);
    await polls(3);
    expect((await notices(c)).some((n) => n.episode?.startsWith(`stopped-early:${rigId}:${second}`))).toBe(false);

    await client.invoke('recordings.copy', { serial: second }, { location: '/mnt/nas' });
    const copied = await waitFor(async () => (await notices(c)).find((n) => n.episode?.startsWith(`copy:${rigId}:${second}`)), 8000);
    expect(copied).toMatchObject({ level: 'info', serial: second });
    expect(copied.message).toMatch(/^The copy on Arena 3 Camera 2 \(FAKE1\) finished/);
  });

  it('tells a change kept in the outbox applied once the rig is back, and a change the rig refused', async () => {
    const c = core();
    const rigId = await addRig(c, 'Arena 4');
    await sim.goOffline();
    await waitFor(() => c.monitoring.monitor.get(rigId)?.state === 'offline');
    await c.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: 'nightly', cron_expression: '0 0 22 * * *' });
    // Refused on arrival: the rig checks the cron expression.
    await c.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: 'broken', cron_expression: 'not a cron' });
    await sim.comeBack();
    const applied = await waitFor(async () => (await notices(c)).find((n) => n.episode?.startsWith('outbox:') && n.level === 'info'), 10_000);
    expect(applied).toMatchObject({ rigId, rigName: 'Arena 4' });
    expect(applied.message).toContain('Arena 4 is back: the change kept for it was applied');
    const refused = await waitFor(async () => (await notices(c)).find((n) => n.episode?.startsWith('outbox:') && n.level === 'error'), 10_000);
    expect(refused.message).toContain('Arena 4 refused the change kept for it');
    expect(refused.advice).toMatch(/Outbox/);
  });

  it('tells once that the keychain is unavailable', async () => {
    const failing = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    const broken = { getPassword: () => Promise.reject(failing), findCredentials: () => Promise.reject(failing), setPassword: () => Promise.reject(failing), deletePassword: () => Promise.reject(failing) };
    const c = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(broken, { cacheMs: 0 }), monitor: FAST });
    cores.push(c);
    await call(c, 'rigs.add', { name: 'Arena locked', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } });
    const told = await waitFor(async () => (await notices(c)).find((n) => n.episode === 'keychain-unavailable'), 10_000);
    expect(told).toMatchObject({ level: 'error', rigName: 'Arena locked' });
    expect(told.advice).toMatch(/Unlock the keychain/);
    await polls(5);
    expect((await notices(c)).filter((n) => n.episode === 'keychain-unavailable')).toHaveLength(1);
  });
});
