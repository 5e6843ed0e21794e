import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RigCallError } from '../../../../../src-main/core/motif-api/rig-call-error';
import { AuditLog } from '../../../../../src-main/core/audit/audit-log';
import { AuditedMotifClient } from '../../../../../src-main/core/audit/audited-client';
import { auditHandlers } from '../../../../../src-main/core/audit/audit-handlers';
import { SimRigsHarness } from '../registry/rig-fixture';
import type { AuditEntry } from '../../../../../src-main/contract/requests/audit';
import { auditEntry as entry } from './audit-fixture';

describe('AuditLog with audited clients against a simulated rig', () => {
  let h: SimRigsHarness;
  let log: AuditLog;
  let client: AuditedMotifClient;
  beforeEach(async () => {
    h = await SimRigsHarness.start(1, 2);
    log = new AuditLog({ configDir: h.tempDir() });
    const rig = h.sim('rig-0').info;
    client = new AuditedMotifClient(
      { host: rig.host, port: rig.port, apiKey: rig.apiKey, trust: { kind: 'fingerprint', fingerprint256: rig.fingerprint256 } },
      () => ({ rigId: 'rig-0', rigName: 'Arena 1' }),
      (record) => void log.record(record),
    );
  });
  afterEach(async () => {
    await client.destroy();
    await h.stop();
  });

  it('writes one line per command with outcome and duration, and none for reads', async () => {
    const serial = h.sim('rig-0').info.serials[0]!;
    await client.invoke('camera.status', { serial });
    await client.invoke('cameras');
    await client.invoke('recording.start', { serial }, { filename: 'fly1', duration: 30 });
    await expect(client.invoke('recording.start', { serial }, {})).rejects.toBeInstanceOf(RigCallError);
    await client.invoke('cameras.configure', { serial }, { ExposureTime: 5000 });
    await client.invoke('schedule.clearTask', { params: { task_name: 'nope' } }).catch(() => undefined);
    await log.flush();
    const lines = readFileSync(log.currentPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.map((l) => [l.method, l.endpoint, l.outcome])).toEqual([
      ['POST', `camera/${serial}/recording/start`, 'ok'],
      ['POST', `camera/${serial}/recording/start`, 'error'],
      ['PATCH', `camera/${serial}/configure`, 'ok'],
      ['DELETE', 'schedule/nope/clear', 'error'],
    ]);
    expect(lines[0]).toMatchObject({ rigId: 'rig-0', rigName: 'Arena 1', args: { filename: 'fly1', duration: 30 }, errorCode: null });
    expect(lines[1]!.errorCode).toBe('rig-error');
    expect(lines[1]!.errorMessage).toMatch(/already recording/);
    for (const l of lines) {
      expect(l.durationMs).toBeGreaterThan(0);
      expect(Date.parse(l.at)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('never writes the API key or a secret-looking argument', async () => {
    const apiKey = h.sim('rig-0').info.apiKey;
    await client.invoke('recordings.copy', {}, { loopy_api_key: 'LOOPY-SECRET-1234', loopy_username: 'lab', loopy_url: 'https://lab:pw-in-url-77@loopy.example.org' });
    await client.invoke('experiment.message', {}, { message: `key is ${apiKey}` });
    await client.call('io/log', { password: 'hunter2-pass', nested: { auth_token: 'tok-5678' }, value: 1 });
    await log.flush();
    const text = readFileSync(log.currentPath, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    for (const secret of [apiKey, 'LOOPY-SECRET-1234', 'hunter2-pass', 'tok-5678', 'pw-in-url-77']) expect(text).not.toContain(secret);
    expect(text).toContain('https://lab:***@loopy.example.org');
    expect(text).toContain('"loopy_username":"lab"');
    expect(text).toContain('"loopy_api_key":"***"');
  });
});

describe('AuditLog files', () => {
  let h: SimRigsHarness;
  beforeEach(async () => {
    h = await SimRigsHarness.start(1, 1);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('rotates by size and keeps only the newest files', async () => {
    const log = new AuditLog({ configDir: h.tempDir(), maxFileBytes: 1000, keepFiles: 3 });
    const lineBytes = JSON.stringify(entry(0)).length + 1;
    const perFile = Math.floor(1000 / lineBytes);
    for (let i = 0; i < perFile * 5; i++) void log.append(entry(i));
    await log.flush();
    expect(readdirSync(log.dir).sort()).toEqual(['audit.1.jsonl', 'audit.2.jsonl', 'audit.jsonl']);
    for (const f of readdirSync(log.dir)) expect(readFileSync(`${log.dir}/${f}`).length).toBeLessThanOrEqual(1000);
    const kept = await log.read();
    expect(kept).toHaveLength(perFile * 3);
    expect(kept.at(-1)!.args).toEqual({ filename: `run-${perFile * 5 - 1}` });
    expect(kept[0]!.args).toEqual({ filename: `run-${perFile * 2}` }); // oldest two files dropped
  });

  it('keeps appending after a restart and filters by time range and rig', async () => {
    const dir = h.tempDir();
    const first = new AuditLog({ configDir: dir });
    await first.append(entry(1, 'rig-0'));
    await first.append(entry(2, 'rig-1'));
    const second = new AuditLog({ configDir: dir });
    await second.append(entry(3, 'rig-0'));
    expect((await second.read()).map((e) => e.args.filename)).toEqual(['run-1', 'run-2', 'run-3']);
    expect((await second.read({ rigId: 'rig-0' })).map((e) => e.args.filename)).toEqual(['run-1', 'run-3']);
    const from = Date.UTC(2026, 0, 1, 12, 0, 2);
    expect((await second.read({ fromMs: from })).map((e) => e.args.filename)).toEqual(['run-2', 'run-3']);
    expect((await second.read({ toMs: from })).map((e) => e.args.filename)).toEqual(['run-1', 'run-2']);
  });
});

describe('AuditLog after a crash mid-line', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'motif-audit-torn-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const torn = (e: AuditEntry) => JSON.stringify(e).slice(0, 40);

  it('starts the next entry on a new line after a torn last line, in a new process', async () => {
    const configDir = tempDir();
    const first = new AuditLog({ configDir });
    await first.append(entry(1));
    appendFileSync(first.currentPath, torn(entry(2)));
    const second = new AuditLog({ configDir });
    await second.append(entry(3));
    const scan = await second.scan();
    expect(scan.entries.map((e) => e.args.filename)).toEqual(['run-1', 'run-3']);
    expect(scan.unreadable).toBe(1);
  });

  it('starts the next entry on a new line when another process tore the file since this one last wrote', async () => {
    const log = new AuditLog({ configDir: tempDir() });
    await log.append(entry(1));
    appendFileSync(log.currentPath, torn(entry(2)));
    await log.append(entry(3));
    await log.append(entry(4));
    expect((await log.read()).map((e) => e.args.filename)).toEqual(['run-1', 'run-3', 'run-4']);
  });

  it('counts unreadable lines in every file and reports them with audit.query and audit.export', async () => {
    const log = new AuditLog({ configDir: tempDir(), maxFileBytes: 400 });
    await log.append(entry(1));
    await log.append(entry(2)); // rotated: entry 1 is in audit.1.jsonl
    expect(existsSync(log.fileAt(1))).toBe(true);
    appendFileSync(log.fileAt(1), 'not json\n42\n{"at":"2026-01-01T12:00:00.000Z"}\n');
    appendFileSync(log.currentPath, '{"rigId":\n');
    const scan = await log.scan();
    expect(scan.entries.map((e) => e.args.filename)).toEqual(['run-1', 'run-2']);
    expect(scan.unreadable).toBe(4);
    const handlers = auditHandlers(log);
    expect(await handlers['audit.query']({ limit: 10 })).toMatchObject({ ok: true, value: { truncated: false, unreadable: 4 } });
    expect(await handlers['audit.export']({ format: 'json' })).toMatchObject({ ok: true, value: { count: 2, unreadable: 4 } });
    // A filter narrows the entries, not the count of lines that could not be read at all.
    expect(await handlers['audit.query']({ limit: 10, rigId: 'nope' })).toMatchObject({ ok: true, value: { entries: [], unreadable: 4 } });
  });

  it('says nothing of unreadable lines when there are none', async () => {
    const log = new AuditLog({ configDir: tempDir() });
    await log.append(entry(1));
    expect(await log.scan()).toMatchObject({ unreadable: 0 });
    const r = await auditHandlers(log)['audit.query']({ limit: 10 });
    expect(r.ok && 'unreadable' in r.value).toBe(false);
  });
});
