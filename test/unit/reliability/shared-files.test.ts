/**
 * The files the app, browser mode and motifctl share, written by several processes at once:
 * nothing written is lost, and a lock left by a killed process does not wedge the others.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../src-main/core/notice-board';
import { confStoreFactory } from '../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../src-main/core/registry/rig-registry';
import { OutboxStore } from '../../../src-main/core/outbox/outbox-store';
import { lastJson, runChild, startChild, startTogetherAt, waitUntil } from './run-child';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'motif-reliability-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const registryIn = (configDir: string) => new RigRegistry(new ConfigFile({ configDir, factory: confStoreFactory, notices: new NoticeBoard() }));

describe('shared files written by several processes at once', { timeout: 90_000 }, () => {
  it('rig list: processes adding at once lose no rig', async () => {
    const dir = tempDir();
    const processes = 4;
    const each = 25;
    const at = startTogetherAt(processes);
    const results = await Promise.all(Array.from({ length: processes }, (_, p) => runChild('add-rigs.ts', [dir, `p${p}`, String(each), at])));
    const added = results.map((r) => lastJson<{ added: number; errors: string[] }>(r));
    const names = registryIn(dir).list().map((r) => r.name);
    const lost = processes * each - names.length;
    console.log(`rig list, ${processes} processes adding at once: rigs added ${added.reduce((n, a) => n + a.added, 0)}, in the list ${names.length}, lost ${lost}`);
    expect(added.flatMap((a) => a.errors)).toEqual([]);
    expect(lost).toBe(0);
    expect(new Set(names).size).toBe(processes * each);
  });

  it('rig list: the app adding rigs while motifctl processes add theirs loses none', async () => {
    const dir = tempDir();
    const app = registryIn(dir);
    const cliProcesses = 4;
    const at = Number(startTogetherAt(cliProcesses));
    const cli = Array.from({ length: cliProcesses }, (_, p) =>
      runChild(join(process.cwd(), 'src-main', 'cli', 'motifctl.ts'), ['rigs', 'add', `cli-${p}`, '--host', `cli-${p}.lab.test`, '--no-key'], {
        MOTIF_CONTROL_CONFIG_DIR: dir,
      }),
    );
    // The app adds one rig every few milliseconds from well before the processes start until after they end.
    let appAdded = 0;
    let cliDone = false;
    const allCli = Promise.all(cli).finally(() => (cliDone = true));
    await waitUntil(at - 2000);
    while (!cliDone || appAdded < 40) {
      app.add({ name: `app-${appAdded}`, host: `app-${appAdded}.lab.test` });
      appAdded++;
      await new Promise((r) => setTimeout(r, 3));
    }
    const results = await allCli;
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const names = new Set(registryIn(dir).list().map((r) => r.name));
    const lostApp = Array.from({ length: appAdded }, (_, i) => `app-${i}`).filter((n) => !names.has(n)).length;
    const lostCli = Array.from({ length: cliProcesses }, (_, p) => `cli-${p}`).filter((n) => !names.has(n)).length;
    console.log(`rig list, app + motifctl at once: app adds ${appAdded}, motifctl adds ${cliProcesses}, lost ${lostApp + lostCli}`);
    expect(lostApp + lostCli).toBe(0);
  });

  it('outbox: processes queueing changes at once lose none', async () => {
    const dir = tempDir();
    const processes = 4;
    const each = 25;
    const at = startTogetherAt(processes);
    const results = await Promise.all(Array.from({ length: processes }, (_, p) => runChild('enqueue.ts', [dir, `p${p}`, String(each), at])));
    const queued = results.map((r) => lastJson<{ queued: number; errors: string[] }>(r));
    const entries = await new OutboxStore(dir).read();
    const lost = processes * each - entries.length;
    console.log(`outbox, ${processes} processes queueing at once: changes queued ${queued.reduce((n, q) => n + q.queued, 0)}, in the file ${entries.length}, lost ${lost}`);
    expect(queued.flatMap((q) => q.errors)).toEqual([]);
    expect(lost).toBe(0);
    expect(new Set(entries.map((e) => e.args.task_name)).size).toBe(processes * each);
  });

  it('audit log: processes rotating a small log at once lose no line', async () => {
    const dir = tempDir();
    const processes = 4;
    const each = 60;
    const at = startTogetherAt(processes);
    const results = await Promise.all(
      Array.from({ length: processes }, (_, p) => runChild('audit-writer.ts', [dir, `p${p}`, String(each), at, '1200'])),
    );
    const written = results.map((r) => lastJson<{ recorded: number; errors: string[] }>(r));
    const auditDir = join(dir, 'audit');
    const lines = readdirSync(auditDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(auditDir, f), 'utf8').split('\n').filter((l) => l.trim() !== ''));
    const names = new Set(lines.map((l) => (JSON.parse(l) as { args: { filename: string } }).args.filename));
    const lost = processes * each - names.size;
    console.log(`audit log, ${processes} processes rotating at once: entries ${processes * each}, files ${readdirSync(auditDir).filter((f) => f.endsWith('.jsonl')).length}, lost ${lost}`);
    expect(written.flatMap((w) => w.errors)).toEqual([]);
    expect(lost).toBe(0);
  });

  it('a lock left behind by a process killed while holding it is taken over', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    // A holder that never lets go, killed with SIGKILL: its lock stays on disk.
    const holder = startChild('hold-lock.ts', [join(dir, 'config.json')]);
    await new Promise<void>((resolve) => holder.child.stdout!.once('data', () => resolve()));
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(readdirSync(dir)).toContain('config.json.lock');
    const started = Date.now();
    registryIn(dir).add({ name: 'after the crash', host: '127.0.0.1' });
    const waitedMs = Date.now() - started;
    console.log(`stale lock: taken over after ${waitedMs} ms`);
    expect(registryIn(dir).list().map((r) => r.name)).toEqual(['after the crash']);
    expect(waitedMs).toBeLessThan(12_000);
  });
});
