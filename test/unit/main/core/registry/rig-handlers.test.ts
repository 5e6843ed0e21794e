import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { EventName, EventPayload } from '../../../../../src-main/contract/events';
import type { RigSummary } from '../../../../../src-main/contract/requests';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import type { Logger } from '../../../../../src-main/core/logger';
import type { Keychain } from '../../../../../src-main/core/secrets/keychain';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet } from '../../../../../src-main/sim';
import { MemoryKeychain } from '../secrets/memory-keychain';

const KEY = 'f00dfeedf00dfeedf00dfeedf00dfeed';

interface Harness {
  core: AppCore;
  dir: string;
  keychain: MemoryKeychain;
  events: { event: EventName; payload: unknown }[];
  logged: string[];
  payloads: string[];
  call<T = unknown>(name: string, args: unknown): Promise<Result<T>>;
}

const opened: AppCore[] = [];

function harness(keychain: Keychain = new MemoryKeychain()): Harness {
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-core-'));
  const logged: string[] = [];
  const log: Logger = {
    info: (...a) => logged.push(a.map(String).join(' ')),
    error: (...a) => logged.push(a.map((x) => (x instanceof Error ? `${x.message} ${x.stack}` : String(x))).join(' ')),
  };
  const core = createAppCore({ transport: 'browser', log, configDir: dir, secrets: new SecretStore(keychain, { cacheMs: 0 }) });
  opened.push(core);
  const events: Harness['events'] = [];
  const payloads: string[] = [];
  core.events.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
    events.push({ event, payload });
    payloads.push(JSON.stringify(payload));
  });
  return {
    core,
    dir,
    keychain: keychain as MemoryKeychain,
    events,
    logged,
    payloads,
    async call<T>(name: string, args: unknown) {
      const r = (await core.dispatch(name, args)) as Result<T>;
      payloads.push(JSON.stringify(r));
      return r;
    },
  };
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};
const settle = () => new Promise((r) => setTimeout(r, 20));

let fleet: SimFleet;
beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, rigs: 1, apiKey: KEY, streams: false, dataDir: mkdtempSync(path.join(tmpdir(), 'motif-sim-')) });
});
afterAll(async () => {
  await Promise.all(opened.map((core) => core.close()));
  await fleet.stop();
});

describe('rigs.* through the real dispatch', () => {
  it('adds with a key, lists without it, and emits rigs.changed', async () => {
    const h = harness();
    const added = value(
      await h.call<RigSummary>('rigs.add', { name: 'Arena', host: '127.0.0.1', port: 6090, tags: ['fly'], apiKey: KEY, preset: { codec: 'h264' } }),
    );
    expect(added).toMatchObject({ name: 'Arena', port: 6090, keyState: 'keychain', trust: null, preset: { codec: 'h264' }, notes: '' });
    expect(h.keychain.entries.get(`Motif Control/${added.id}`)).toBe(KEY);
    expect(value(await h.call<RigSummary[]>('rigs.list', {}))).toEqual([added]);
    await settle();
    const last = h.events.filter((e) => e.event === 'rigs.changed').at(-1);
    expect(last).toMatchObject({ payload: { rigs: [{ id: added.id, keyState: 'keychain' }] } });
  });

  it('lists the rigs without waiting for the keychain, and sends the key states when it has read them', async () => {
    const first = harness();
    const added = value(await first.call<RigSummary>('rigs.add', { name: 'Arena', host: 'a', apiKey: KEY }));
    // A keychain that holds the key but answers only when released (a fleet's keys take about a second).
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    const slow = new MemoryKeychain();
    for (const [k, v] of first.keychain.entries) slow.entries.set(k, v);
    const slowRead: Keychain = {
      getPassword: async (service, account) => answered.then(() => slow.getPassword(service, account)),
      findCredentials: async (service) => answered.then(() => slow.findCredentials(service)),
      setPassword: (service, account, password) => slow.setPassword(service, account, password),
      deletePassword: (service, account) => slow.deletePassword(service, account),
    };
    const dir = first.dir;
    await first.core.close();
    const core = createAppCore({ transport: 'browser', log: { info: () => {}, error: () => {} }, configDir: dir, secrets: new SecretStore(slowRead) });
    opened.push(core);
    const changed: EventPayload<'rigs.changed'>[] = [];
    core.events.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
      if (event === 'rigs.changed') changed.push(payload as EventPayload<'rigs.changed'>);
    });

    const listed = value((await core.dispatch('rigs.list', {})) as Result<RigSummary[]>);
    expect(listed).toEqual([{ ...added, keyState: 'checking' }]);
    expect(changed).toEqual([]);

    release();
    await settle();
    expect(changed.at(-1)?.rigs).toEqual([added]);
    expect(value((await core.dispatch('rigs.list', {})) as Result<RigSummary[]>)).toEqual([added]);
  });

  it('refuses bad input with sentences and changes nothing', async () => {
    const h = harness();
    value(await h.call('rigs.add', { name: 'A', host: 'a' }));
    const cases: [unknown, RegExp][] = [
      [{ name: 'a', host: 'b' }, /already a rig named "A"/],
      [{ name: 'B', host: 'A.', port: 6083 }, /a:6083 is already configured as rig "A"/],
      [{ name: 'B', host: 'http://b/' }, /not a host name/],
      [{ name: 'B', host: 'b', port: 70000 }, /1 to 65535/],
      [{ name: 'B', host: 'b', trust: { kind: 'fingerprint', sha256: '12:34' } }, /64 hexadecimal digits/],
      [{ name: 'B', host: 'b', apiKey: '   ' }, /API key is empty/],
      [{ name: 'B', host: 'b', apiKey: 'abc钥匙123' }, /printable ASCII/],
      [{ name: 'B', host: 'b', apiKey: 'abc def' }, /printable ASCII/],
    ];
    for (const [args, message] of cases) {
      const r = await h.call('rigs.add', args);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args', message } });
    }
    expect(value(await h.call<RigSummary[]>('rigs.list', {})).map((r) => r.name)).toEqual(['A']);
  });

  it('rolls an add back when the keychain is unavailable, and accepts a session-only key', async () => {
    const broken: Keychain = {
      getPassword: async () => {
        throw new Error('no secret service');
      },
      findCredentials: async () => {
        throw new Error('no secret service');
      },
      setPassword: async () => {
        throw new Error('no secret service');
      },
      deletePassword: async () => {
        throw new Error('no secret service');
      },
    };
    const h = harness(broken);
    const r = await h.call('rigs.add', { name: 'A', host: 'a', apiKey: KEY });
    expect(r).toMatchObject({ ok: false, error: { code: 'keychain-unavailable', message: /session only/ } });
    expect(value(await h.call<RigSummary[]>('rigs.list', {}))).toEqual([]);
    const added = value(await h.call<RigSummary>('rigs.add', { name: 'A', host: 'a', apiKey: KEY, sessionOnly: true }));
    expect(added.keyState).toBe('session');
    expect(await h.core.secrets.getKey(added.id)).toBe(KEY);
  });

  it('updates, pins trust, sets and clears keys, removes rig and key', async () => {
    const h = harness();
    const rig = value(await h.call<RigSummary>('rigs.add', { name: 'A', host: 'a' }));
    expect(value(await h.call<RigSummary>('rigs.update', { rigId: rig.id, patch: { notes: 'n', port: 6100 } }))).toMatchObject({ notes: 'n', port: 6100 });
    const pinned = value(await h.call<RigSummary>('rigs.trust', { rigId: rig.id, fingerprint: 'ab'.repeat(32) }));
    expect(pinned.trust).toEqual({ kind: 'fingerprint', sha256: 'AB:'.repeat(31) + 'AB' });
    expect(await h.call('rigs.trust', { rigId: rig.id })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const missing = path.join(h.dir, 'missing.crt');
    expect(await h.call('rigs.trust', { rigId: rig.id, caPath: missing })).toMatchObject({ ok: false, error: { message: /not a readable CA certificate/ } });
    const caRig = value(await h.call<RigSummary>('rigs.trust', { rigId: rig.id, caPath: fleet.rigs[0]!.info.certPath }));
    expect(caRig.trust).toEqual({ kind: 'ca', caPath: fleet.rigs[0]!.info.certPath });
    expect(value(await h.call('rigs.setKey', { rigId: rig.id, apiKey: KEY }))).toEqual({ rigId: rig.id, keyState: 'keychain' });
    expect(value(await h.call('rigs.clearKey', { rigId: rig.id }))).toEqual({ rigId: rig.id, keyState: 'none' });
    value(await h.call('rigs.setKey', { rigId: rig.id, apiKey: KEY }));
    expect(value(await h.call('rigs.remove', { rigId: rig.id }))).toEqual({ rigId: rig.id });
    expect(h.keychain.entries.size).toBe(0);
    expect(await h.call('rigs.remove', { rigId: rig.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await h.call('rigs.setKey', { rigId: 'nope', apiKey: KEY })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers a CA file the same way whether it is missing, unreadable or no certificate, and never blocks on a pipe or device', async () => {
    const h = harness();
    const rig = value(await h.call<RigSummary>('rigs.add', { name: 'A', host: 'a' }));
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-ca-'));
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'not a certificate');
    const locked = path.join(dir, 'locked.crt');
    writeFileSync(locked, readFileSync(fleet.rigs[0]!.info.certPath));
    chmodSync(locked, 0o000);
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const answers = new Set<string>();
    for (const caPath of [path.join(dir, 'missing.crt'), dir, text, '/dev/zero', fifo, ...(process.getuid?.() === 0 ? [] : [locked])]) {
      const r = await h.call('rigs.trust', { rigId: rig.id, caPath });
      expect(r.ok).toBe(false);
      // Only the path the user gave differs between the answers.
      answers.add(JSON.stringify(r).split(caPath).join('<path>'));
    }
    expect([...answers]).toHaveLength(1);
    expect([...answers][0]).not.toMatch(/ENOENT|EACCES|EISDIR|exist/i);
    expect(await h.call('rigs.add', { name: 'B', host: 'b', trust: { kind: 'ca', caPath: '/dev/zero' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args', message: /not a readable CA certificate/ },
    });
  });

  it('probes a certificate, pins it, and tests the connection against a simulated rig', async () => {
    const h = harness();
    const sim = fleet.rigs[0]!.info;
    const probe = value(await h.call<{ fingerprint256: string; subject: string; validTo: string }>('rigs.probeCertificate', { host: sim.host, port: sim.port }));
    expect(probe.fingerprint256).toBe(sim.fingerprint256);
    expect(probe).not.toHaveProperty('pem');
    const rig = value(await h.call<RigSummary>('rigs.add', { name: 'Sim', host: sim.host, port: sim.port, simulated: true }));
    expect(await h.call('rigs.testConnection', { rigId: rig.id })).toMatchObject({ ok: false, error: { code: 'key-rejected', message: /No API key/ } });
    value(await h.call('rigs.setKey', { rigId: rig.id, apiKey: KEY }));
    expect(await h.call('rigs.testConnection', { rigId: rig.id })).toMatchObject({ ok: false, error: { code: 'tls-untrusted' } });
    value(await h.call('rigs.trust', { rigId: rig.id, fingerprint: probe.fingerprint256 }));
    const test = value(await h.call<{ version: Record<string, unknown>; cameras: { serial: string }[] }>('rigs.testConnection', { rigId: rig.id }));
    expect(test.cameras.map((c) => c.serial)).toEqual(sim.serials);
    expect(Object.keys(test.version).length).toBeGreaterThan(0);
    // A wrong key comes back typed.
    value(await h.call('rigs.setKey', { rigId: rig.id, apiKey: 'wrongwrongwrong' }));
    expect(await h.call('rigs.testConnection', { rigId: rig.id })).toMatchObject({ ok: false, error: { code: 'key-rejected' } });
  });

  it('reports a changed certificate as tls-fingerprint-changed with both fingerprints', async () => {
    const h = harness();
    const sim = fleet.rigs[0]!.info;
    const pinned = 'AB:'.repeat(31) + 'AB';
    const rig = value(
      await h.call<RigSummary>('rigs.add', { name: 'Sim', host: sim.host, port: sim.port, apiKey: KEY, trust: { kind: 'fingerprint', sha256: pinned } }),
    );
    const r = await h.call('rigs.testConnection', { rigId: rig.id });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'tls-fingerprint-changed', details: { expectedFingerprint: pinned, actualFingerprint: sim.fingerprint256 } },
    });
  });

  it('exports without keys and imports with a report, never losing rigs on bad input', async () => {
    const a = harness();
    value(await a.call('rigs.add', { name: 'A', host: 'a', apiKey: KEY, tags: ['x'], trust: { kind: 'fingerprint', sha256: 'cd'.repeat(32) } }));
    value(await a.call('rigs.add', { name: 'B', host: 'b', apiKey: KEY, preset: { durationSeconds: 60 } }));
    const doc = value(await a.call<{ format: string; rigs: { name: string }[] }>('rigs.export', {}));
    expect(doc).toMatchObject({ format: 'motif-control-rigs', formatVersion: 1 });
    expect(JSON.stringify(doc)).not.toContain(KEY);

    const b = harness();
    value(await b.call('rigs.add', { name: 'b', host: 'old-b', notes: 'keep my id' }));
    value(await b.call('rigs.add', { name: 'Local', host: 'local' }));
    const before = value(await b.call<RigSummary[]>('rigs.list', {}));
    expect(await b.call('rigs.import', { document: { format: 'something-else', rigs: [] } })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await b.call('rigs.import', { document: { format: 'motif-control-rigs', formatVersion: 9, rigs: [] } })).toMatchObject({
      ok: false,
      error: { message: /format version 9/ },
    });
    expect(value(await b.call<RigSummary[]>('rigs.list', {}))).toEqual(before);

    const withBad = { ...doc, rigs: [...doc.rigs, { name: 'C', host: 'not a host!' }, { name: 'a', host: 'dup' }, 42] };
    const dry = value(await b.call<{ added: { name: string }[]; updated: { name: string }[] }>('rigs.import', { document: withBad, dryRun: true }));
    expect(dry.added.map((r) => r.name)).toEqual(['A']);
    expect(value(await b.call<RigSummary[]>('rigs.list', {}))).toEqual(before);
    const report = value(
      await b.call<{ added: { name: string }[]; updated: { id: string; name: string }[]; skipped: { index: number; reason: string }[] }>('rigs.import', {
        document: withBad,
      }),
    );
    expect(report.added.map((r) => r.name)).toEqual(['A']);
    expect(report.updated).toEqual([{ id: before[0]!.id, name: 'B' }]);
    expect(report.skipped.map((s) => s.index)).toEqual([2, 3, 4]);
    expect(report.skipped[0]!.reason).toMatch(/not a host name/);
    expect(report.skipped[1]!.reason).toMatch(/more than once/);
    // A's key was never read here: listed at once as 'checking', then known.
    value(await b.call<RigSummary[]>('rigs.list', {}));
    await settle();
    const after = value(await b.call<RigSummary[]>('rigs.list', {}));
    expect(after.map((r) => [r.name, r.host, r.keyState])).toEqual([
      ['B', 'b', 'none'],
      ['Local', 'local', 'none'],
      ['A', 'a', 'none'],
    ]);
    // Importing the same file again changes nothing and says so.
    const again = value(await b.call<{ added: unknown[]; updated: unknown[]; skipped: { reason: string }[] }>('rigs.import', { document: doc }));
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['already configured exactly like this', 'already configured exactly like this']);
  });

  it('shows config notices through app.notices', async () => {
    const h = harness();
    expect(value(await h.call('app.notices', {}))).toEqual([]);
    h.core.notices.add('error', 'moved aside');
    expect(value(await h.call('app.notices', {}))).toMatchObject([{ level: 'error', message: 'moved aside' }]);
  });

  it('never lets the key into the config file, bridge payloads, events or logs', async () => {
    const h = harness();
    const rig = value(await h.call<RigSummary>('rigs.add', { name: 'S', host: fleet.rigs[0]!.info.host, port: fleet.rigs[0]!.info.port, apiKey: KEY }));
    await h.call('rigs.setKey', { rigId: rig.id, apiKey: KEY });
    await h.call('rigs.setKey', { rigId: rig.id, apiKey: KEY, sessionOnly: true });
    await h.call('rigs.setKey', { rigId: rig.id, apiKey: 42 });
    await h.call('rigs.add', { name: 'S', host: 'x', apiKey: KEY });
    await h.call('rigs.testConnection', { rigId: rig.id });
    value(await h.call('rigs.trust', { rigId: rig.id, fingerprint: fleet.rigs[0]!.info.fingerprint256 }));
    value(await h.call('rigs.testConnection', { rigId: rig.id }));
    await h.call('rigs.export', {});
    await h.call('rigs.list', {});
    await settle();
    expect(h.events.filter((e) => e.event === 'rigs.changed').length).toBeGreaterThan(0);
    for (const text of [...h.payloads, ...h.logged]) expect(text).not.toContain(KEY);
    // Every file of the folder, those in subfolders included (the audit log, lock folders).
    const files = readdirSync(h.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain(KEY);
  });
});
