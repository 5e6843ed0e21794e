import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RigCallError } from '../../../../../src-main/core/motif-api/rig-call-error';
import { AuditLog } from '../../../../../src-main/core/audit/audit-log';
import { AuditedMotifClient } from '../../../../../src-main/core/audit/audited-client';
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
    await client.invoke('recordings.copy', {}, { loopy_api_key: 'LOOPY-SECRET-1234', loopy_username: 'lab' });
    await client.invoke('experiment.message', {}, { message: `key is ${apiKey}` });
    await client.call('io/log', { password: 'hunter2-pass', nested: { auth_token: 'tok-5678' }, value: 1 });
    await log.flush();
    const text = readFileSync(log.currentPath, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    for (const secret of [apiKey, 'LOOPY-SECRET-1234', 'hunter2-pass', 'tok-5678']) expect(text).not.toContain(secret);
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
