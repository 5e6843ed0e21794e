/**
 * Each file the app shares with motifctl (the rig list, the outbox, the notices, the audit
 * log), damaged four ways: cut short, not JSON, not the right shape, one entry of the wrong
 * shape. Nothing answers 'internal'; a damaged rig list, outbox or notices file is set aside
 * (its contents kept beside it) and reported, and everything goes on.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import type { AppNotice } from '../../../src-main/contract/requests/app';
import { runRigCommand } from '../main/cli/commands/run-commands';
import { startApp, until, type App } from './app-fixture';

type Kind = 'cut short' | 'not JSON' | 'wrong shape' | 'an entry of the wrong shape';
const KINDS: Kind[] = ['cut short', 'not JSON', 'wrong shape', 'an entry of the wrong shape'];

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const asideOf = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`));
const tally = { files: 0, setAside: 0, reported: 0, internal: 0 };

async function outcomesOk(r: Promise<Result<unknown>>): Promise<boolean> {
  const result = await r;
  if (!result.ok) {
    if (result.error.code === 'internal') tally.internal++;
    return false;
  }
  return Array.isArray(result.value) ? result.value.every((o: { ok: boolean }) => o.ok) : true;
}

describe('shared files damaged four ways', { timeout: 90_000 }, () => {
  it.each(KINDS)('the rig list, %s: set aside, reported, the app starts with what it can and goes on', async (kind) => {
    app = await startApp();
    const file = join(app.dir, 'config.json');
    const whole = readFileSync(file, 'utf8');
    const parsed = JSON.parse(whole) as { schemaVersion: number; rigs: Record<string, unknown>[] };
    const damaged = {
      'cut short': whole.slice(0, Math.floor(whole.length * 0.6)),
      'not JSON': '\u0000\u0001 not a rig list at all \uFFFD',
      'wrong shape': JSON.stringify({ rigs: { arena: parsed.rigs[0] } }),
      'an entry of the wrong shape': JSON.stringify({ ...parsed, rigs: [...parsed.rigs, { id: 'x', name: 5, port: 'many' }] }),
    }[kind];
    await app.core.close();
    writeFileSync(file, damaged);
    const core = await app.reopen();
    tally.files++;
    const aside = asideOf(app.dir, 'config.json');
    if (aside.length === 1 && readFileSync(join(app.dir, aside[0]!), 'utf8') === damaged) tally.setAside++;
    const notices = ok((await app.call('app.notices', {})) as Result<AppNotice[]>);
    if (notices.some((n) => n.level === 'error' && n.message.includes(aside[0] ?? '?'))) tally.reported++;
    expect(aside).toHaveLength(1);
    expect(notices.filter((n) => n.level === 'error')).toHaveLength(1);
    // Goes on: the list reads, a rig can be added again, and commands reach it.
    expect(ok((await app.call('rigs.list', {})) as Result<unknown[]>)).toEqual([]);
    const re = ok((await app.call('rigs.add', {
      name: 'Arena',
      host: app.sim.info.host,
      port: app.sim.info.port,
      apiKey: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      trust: { kind: 'fingerprint', sha256: app.sim.info.fingerprint256 },
    })) as Result<{ id: string }>);
    expect(await outcomesOk(app.call('recording.stop', { targets: [{ rigId: re.id }] }))).toBe(true);
    void core;
  });

  it.each(KINDS)('the outbox, %s: set aside, reported with what it held, and commands to the online rig still go', async (kind) => {
    app = await startApp();
    const { rigId, sim } = app;
    await until(() => app!.core.monitoring.monitor.get(rigId)?.state === 'online');
    const entry = (task: string) => ({
      id: `id-${task}`,
      rigId,
      rigName: 'Arena',
      endpoint: 'schedule/recording/start',
      method: 'POST',
      args: { task_name: task, cron_expression: '0 0 12 * * *' },
      state: 'applied',
      createdAtMs: 1,
      attempts: 1,
      lastAttemptAtMs: 1,
      appliedAtMs: 2,
      error: null,
    });
    const whole = JSON.stringify({ version: 1, entries: [entry('kept'), entry('second')] });
    const damaged = {
      'cut short': whole.slice(0, whole.length - 30),
      'not JSON': 'outbox? \u0000\u0001',
      'wrong shape': JSON.stringify({ version: 1, entries: { first: entry('kept') } }),
      'an entry of the wrong shape': JSON.stringify({ version: 1, entries: [entry('kept'), { id: 3, state: 'unknown', rigName: 'Arena', endpoint: 'x' }] }),
    }[kind];
    const outbox = join(app.dir, 'outbox.json');
    writeFileSync(outbox, damaged);
    tally.files++;

    const serial = sim.info.serials[0]!;
    const configured = (await app.call('cameras.configure', { targets: [{ rigId, serial }], params: { Gain: 3 } })) as Result<{ ok: boolean; delivery?: string }[]>;
    if (!configured.ok && configured.error.code === 'internal') tally.internal++;
    const listed = (await app.call('outbox.list', {})) as Result<{ entries: { id: string }[] }>;
    const cli = await runRigCommand(['outbox', 'list'], { MOTIF_CONTROL_CONFIG_DIR: app.dir });
    const aside = asideOf(app.dir, 'outbox.json');
    if (aside.length === 1 && readFileSync(join(app.dir, aside[0]!), 'utf8') === damaged) tally.setAside++;
    const notices = ok((await app.call('app.notices', {})) as Result<AppNotice[]>).filter((n) => n.level === 'error');
    if (notices.length === 1 && notices[0]!.message.includes(aside[0] ?? '?')) tally.reported++;
    if (!listed.ok && listed.error.code === 'internal') tally.internal++;

    expect(configured.ok && configured.value.map((o) => o.delivery)).toEqual(['sent']);
    expect(ok(listed).entries.map((e) => e.id)).toEqual(kind === 'an entry of the wrong shape' ? ['id-kept'] : []);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).not.toMatch(/unexpected failure/);
    expect(aside).toHaveLength(1);
    expect(notices).toHaveLength(1);
    // What it held, as far as it could be read.
    if (kind !== 'not JSON') expect(notices[0]!.message).toMatch(/Arena: schedule\/recording\/start/);
  });

  it.each(KINDS)('the notices, %s: set aside, reported in the window and the log, a bad entry drops only itself', async (kind) => {
    const logged: string[] = [];
    app = await startApp({ log: { info: () => {}, error: (m) => logged.push(m) } });
    await app.core.close();
    const notice = (i: number) => ({ id: `notice-kept-${i}`, level: 'warning', message: `kept notice ${i}`, at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() });
    const twenty = Array.from({ length: 20 }, (_, i) => notice(i));
    const whole = JSON.stringify({ version: 1, notices: twenty, dismissed: [] });
    const damaged = {
      'cut short': whole.slice(0, Math.floor(whole.length / 2)),
      'not JSON': '\u0000\u0001 notices? \uFFFD',
      'wrong shape': JSON.stringify({ version: 1, notices: 'x', dismissed: [] }),
      'an entry of the wrong shape': JSON.stringify({ version: 1, notices: [...twenty.slice(0, 19), { ...notice(19), level: 'shouting' }], dismissed: [] }),
    }[kind];
    const file = join(app.dir, 'notices.json');
    writeFileSync(file, damaged);
    tally.files++;
    await app.reopen();
    const errors = async () => ok((await app!.call('app.notices', {})) as Result<AppNotice[]>).filter((n) => n.level === 'error');
    const told = await until(async () => {
      const found = await errors();
      return found.length > 0 && found;
    });
    const aside = asideOf(app.dir, 'notices.json');
    if (aside.length === 1 && readFileSync(join(app.dir, aside[0]!), 'utf8') === damaged) tally.setAside++;
    if (told.length === 1 && told[0]!.message.includes(aside[0] ?? '?') && logged.some((m) => m.includes(aside[0] ?? '?'))) tally.reported++;
    expect(aside).toHaveLength(1);
    expect(told).toHaveLength(1);
    expect(logged.filter((m) => m.includes(aside[0]!))).toHaveLength(1);
    const kept = ok((await app.call('app.notices', {})) as Result<AppNotice[]>).filter((n) => n.level === 'warning');
    expect(kept.map((n) => n.message)).toEqual(kind === 'an entry of the wrong shape' ? twenty.slice(0, 19).map((n) => n.message) : []);
    // Goes on: the rewritten file holds what is shown, and a dismissal sticks across a restart.
    expect(ok((await app.call('app.notices.dismiss', { id: told[0]!.id })) as Result<AppNotice[]>).some((n) => n.id === told[0]!.id)).toBe(false);
    await app.reopen();
    await app.core.monitoring.close();
    const after = ok((await app.call('app.notices', {})) as Result<AppNotice[]>);
    expect(after.filter((n) => n.level === 'error')).toEqual([]);
    expect(after.filter((n) => n.level === 'warning')).toHaveLength(kept.length);
    expect(asideOf(app.dir, 'notices.json')).toHaveLength(1);
  });

  it.each(KINDS)('the audit log, %s: reading it answers, and new commands are written and read back', async (kind) => {
    app = await startApp();
    const { rigId, sim } = app;
    const serial = sim.info.serials[0]!;
    expect(await outcomesOk(app.call('recording.stop', { targets: [{ rigId, serial }] }))).toBe(true);
    await app.core.monitoring.audit.flush();
    const dir = join(app.dir, 'audit');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'audit.jsonl');
    const whole = readFileSync(file, 'utf8');
    const damaged = {
      'cut short': `${whole}${whole.slice(0, Math.floor(whole.length / 2))}`,
      'not JSON': `${whole}\u0000\u0001 garbage\n`,
      'wrong shape': `${whole}[1, 2, 3]\n"a string"\n42\n`,
      'an entry of the wrong shape': `${whole}${JSON.stringify({ at: 5, rigId: null, endpoint: 7, outcome: 'maybe' })}\n`,
    }[kind];
    writeFileSync(file, damaged);
    tally.files++;

    expect(await outcomesOk(app.call('recording.start', { targets: [{ rigId, serial }], options: { filename: 'after-damage' } }))).toBe(true);
    await app.core.monitoring.audit.flush();
    const query = (await app.call('audit.query', { rigId })) as Result<{ entries: { endpoint: string; args: Record<string, unknown> }[] }>;
    const exported = (await app.call('audit.export', { format: 'json' })) as Result<unknown>;
    for (const r of [query, exported]) if (!r.ok && r.error.code === 'internal') tally.internal++;
    expect(query.ok, JSON.stringify(query)).toBe(true);
    expect(exported.ok, JSON.stringify(exported)).toBe(true);
    const endpoints = ok(query).entries.map((e) => e.endpoint);
    expect(endpoints).toContain(`camera/${serial}/recording/stop`);
    expect(ok(query).entries.some((e) => e.args.filename === 'after-damage')).toBe(true);
  });

  it('counts', () => {
    console.log(
      `damaged files: rig list, outbox, notices and audit log four ways each: files ${tally.files}, set aside ${tally.setAside} of 12, reported ${tally.reported} of 12, internal errors ${tally.internal}`,
    );
    expect(tally.internal).toBe(0);
  });
});
