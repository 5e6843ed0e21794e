import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Result } from '../../../../src-main/contract/errors';
import type { EventName } from '../../../../src-main/contract/events';
import type { AuditEntry } from '../../../../src-main/contract/requests/audit';
import type { OutboxEntry } from '../../../../src-main/contract/requests/outbox';
import type { RigStatus } from '../../../../src-main/contract/requests/status';
import { createAppCore, type AppCore } from '../../../../src-main/core/app-core';
import { silentLogger } from '../../../../src-main/core/logger';
import { SecretStore } from '../../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet } from '../../../../src-main/sim';
import { MemoryKeychain } from './secrets/memory-keychain';
import { waitFor } from './registry/rig-fixture';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00';

describe('status, outbox and audit through the app core', () => {
  let fleet: SimFleet;
  let dir: string;
  const cores: AppCore[] = [];
  const keychain = new MemoryKeychain();
  const seen: { event: EventName; payload: unknown }[] = [];
  const wire: string[] = [];

  beforeAll(async () => {
    fleet = await startSimulatedRigs({ port: 0, rigs: 1, cameras: 2, apiKey: KEY, streams: false, dataDir: mkdtempSync(path.join(tmpdir(), 'motif-sim-')) });
    dir = mkdtempSync(path.join(tmpdir(), 'motif-core-'));
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `configDir`: a rig list of its own, for a test that adds the simulator's address again. */
  function core(configDir = dir): AppCore {
    const c = createAppCore({ transport: 'browser', log: silentLogger, configDir, secrets: new SecretStore(keychain, { cacheMs: 0 }) });
    c.events.subscribe((event, payload) => {
      seen.push({ event, payload });
      wire.push(JSON.stringify(payload));
    });
    cores.push(c);
    return c;
  }
  async function call<T>(c: AppCore, name: string, args: unknown): Promise<T> {
    const r = (await c.dispatch(name, args)) as Result<T>;
    wire.push(JSON.stringify(r));
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  it('monitors a configured rig, audits its commands, queues changes while it is offline and keeps no key anywhere', async () => {
    const c = core();
    const sim = fleet.rigs[0]!;
    const rig = await call<{ id: string }>(c, 'rigs.add', {
      name: 'Arena 1',
      host: sim.info.host,
      port: sim.info.port,
      apiKey: KEY,
      trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
    });
    const [status] = await call<RigStatus[]>(c, 'status.refresh', { rigId: rig.id });
    expect(status).toMatchObject({ rigId: rig.id, rigName: 'Arena 1', state: 'online', stale: false });
    await waitFor(() => seen.some((e) => e.event === 'rig.status' && (e.payload as RigStatus).state === 'online'));

    // Commands from any part of the app go through the connector's clients, so they are audited.
    const client = await c.connector.clientFor(rig.id);
    await client.invoke('recording.start', { serial: sim.info.serials[0] }, { filename: 'trial-1' });
    await client.invoke('recording.stop', { serial: sim.info.serials[0] });
    const audit = await call<{ entries: AuditEntry[]; truncated: boolean }>(c, 'audit.query', { rigId: rig.id, limit: 1 });
    expect(audit.truncated).toBe(true);
    expect(audit.entries.map((e) => [e.rigName, e.endpoint, e.outcome])).toEqual([['Arena 1', `camera/${sim.info.serials[0]}/recording/stop`, 'ok']]);
    const csv = await call<{ text: string; count: number }>(c, 'audit.export', { format: 'csv', from: new Date(Date.now() - 60_000).toISOString() });
    expect(csv.count).toBe(2); // the monitor's GET polls are not in it
    expect(csv.text).toContain('trial-1');

    await sim.goOffline();
    await waitFor(() => c.monitoring.monitor.get(rig.id)?.state === 'offline');
    const queued = await c.monitoring.outbox.submitChange(rig.id, 'schedule/recording/start', { task_name: 'nightly', cron_expression: '0 0 22 * * *' });
    expect(queued.ok && queued.value.outcome).toBe('queued');
    const listed = await call<{ entries: OutboxEntry[] }>(c, 'outbox.list', {});
    expect(listed.entries.map((e) => [e.rigName, e.state])).toEqual([['Arena 1', 'pending']]);
    expect(seen.some((e) => e.event === 'outbox.changed')).toBe(true);
    await sim.comeBack();
    await waitFor(async () => (await call<{ entries: OutboxEntry[] }>(c, 'outbox.list', {})).entries[0]?.state === 'applied', 10_000);
    expect(sim.state.tasks.map((t) => t.name)).toEqual(['nightly']);

    await c.monitoring.audit.flush();
    const auditText = readdirSync(path.join(dir, 'audit')).map((f) => readFileSync(path.join(dir, 'audit', f), 'utf8')).join('');
    expect(auditText).toContain('schedule/recording/start');
    const files = [auditText, readFileSync(path.join(dir, 'outbox.json'), 'utf8')];
    for (const text of [...files, ...wire]) expect(text).not.toContain(KEY);
  });

  it('applies a change queued during an outage too short for the monitor to notice', async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'motif-core-'));
    onTestFinished(() => rmSync(own, { recursive: true, force: true }));
    const c = core(own);
    const sim = fleet.rigs[0]!;
    const rig = await call<{ id: string }>(c, 'rigs.add', {
      name: 'Arena brief',
      host: sim.info.host,
      port: sim.info.port,
      trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
      apiKey: KEY,
    });
    await waitFor(() => c.monitoring.monitor.get(rig.id)?.state === 'online', 10_000);
    await sim.goOffline();
    const queued = await call<{ ok: boolean; delivery?: string }[]>(c, 'cameras.configure', { targets: [{ rigId: rig.id }], params: { Gain: 7 } });
    expect(queued[0]).toMatchObject({ ok: true, delivery: 'queued' });
    // The outbox's own first attempt fails too; the rig is back before the next poll,
    // so the monitor never reports it offline (and never back online).
    await waitFor(async () => (await call<{ entries: OutboxEntry[] }>(c, 'outbox.list', { rigId: rig.id })).entries[0]?.attempts === 1);
    await new Promise((r) => setTimeout(r, 100));
    await sim.comeBack();
    expect(c.monitoring.monitor.get(rig.id)?.state).toBe('online');
    await waitFor(async () => {
      const list = await call<{ entries: OutboxEntry[] }>(c, 'outbox.list', { rigId: rig.id });
      return list.entries.length > 0 && list.entries.every((e) => e.state === 'applied');
    }, 10_000);
    expect((sim.state as { cameras: Record<string, { params: Record<string, unknown> }> }).cameras.FAKE0!.params.Gain).toBe(7);
    await call(c, 'rigs.remove', { rigId: rig.id });
  });

  it('says the keychain is unavailable, not that the key is missing, when it cannot be asked', async () => {
    const failing = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    const broken = { getPassword: () => Promise.reject(failing), findCredentials: () => Promise.reject(failing), setPassword: () => Promise.reject(failing), deletePassword: () => Promise.reject(failing) };
    const c = createAppCore({ transport: 'browser', log: silentLogger, configDir: mkdtempSync(path.join(tmpdir(), 'motif-core-')), secrets: new SecretStore(broken, { cacheMs: 0 }) });
    cores.push(c);
    const sim = fleet.rigs[0]!;
    const rig = await call<{ id: string; keyState: string }>(c, 'rigs.add', {
      name: 'Arena locked',
      host: sim.info.host,
      port: sim.info.port,
      trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 },
    });
    expect(rig.keyState).toBe('keychain-unavailable');
    const status = await waitFor(() => {
      const s = c.monitoring.monitor.get(rig.id);
      return s?.state === 'keychain-unavailable' ? s : undefined;
    }, 10_000);
    expect(status.problem?.code).toBe('keychain-unavailable');
  });

  it('shows every rig at once after a restart, marked stale', async () => {
    const first = core();
    await waitFor(async () => (await call<RigStatus[]>(first, 'status.list', {})).some((s) => s.state === 'online'), 10_000);
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    await fleet.rigs[0]!.goOffline();
    try {
      const second = core();
      const shown = await call<RigStatus[]>(second, 'status.list', {});
      expect(shown.map((s) => [s.rigName, s.state, s.stale, s.cameras.length])).toEqual([['Arena 1', 'unknown', true, 2]]);
      expect(shown[0]!.lastSeenAtMs).not.toBeNull();
    } finally {
      await fleet.rigs[0]!.comeBack();
    }
  });
});
