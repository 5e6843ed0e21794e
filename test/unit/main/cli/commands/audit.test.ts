import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerAuditCommand } from '../../../../../src-main/cli/commands/audit';
import { EXIT, type CommandContext } from '../../../../../src-main/cli/commands/command-context';
import type { AuditEntry } from '../../../../../src-main/contract/requests/audit';
import { AuditLog } from '../../../../../src-main/core/audit/audit-log';

function entry(second: number, rigName: string): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 2, 1, 9, 0, second)).toISOString(),
    rigId: `id-${rigName}`,
    rigName,
    endpoint: 'recording/start',
    method: 'POST',
    args: { filename: `t${second}` },
    words: 'Start recording on all cameras',
    outcome: 'ok',
    errorCode: null,
    errorMessage: null,
    durationMs: 3,
  };
}

async function run(dir: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = { io: { out: (t) => (stdout += t), err: (t) => (stderr += t), env: { MOTIF_CONTROL_CONFIG_DIR: dir } }, exitCode: EXIT.ok };
  const program = new Command('motifctl').exitOverride().configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  registerAuditCommand(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return { code: EXIT.usage, stdout, stderr };
  }
  return { code: ctx.exitCode, stdout, stderr };
}

describe('motifctl audit export', () => {
  async function withLog() {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-cli-audit-'));
    const log = new AuditLog({ configDir: dir });
    for (const [s, rig] of [[1, 'Arena'], [2, 'Bench'], [3, 'Arena'], [4, 'Arena']] as const) await log.append(entry(s, rig));
    return dir;
  }

  it('prints CSV filtered by rig name and time range', async () => {
    const dir = await withLog();
    const r = await run(dir, ['audit', 'export', '--format', 'csv', '--rig', 'arena', '--from', '2026-03-01T09:00:02Z', '--to', '2026-03-01T09:00:03Z']);
    expect(r.code).toBe(EXIT.ok);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]!.startsWith('time,rig_id,rig_name')).toBe(true);
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(['2026-03-01T09:00:03.000Z']);
  });

  it('writes JSON to a file with --out', async () => {
    const dir = await withLog();
    const out = path.join(dir, 'export.json');
    const r = await run(dir, ['audit', 'export', '--format', 'json', '--out', out]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toContain('wrote 4 audit entries');
    expect((JSON.parse(readFileSync(out, 'utf8')) as AuditEntry[]).map((e) => e.args.filename)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('refuses an unknown format or a bad time', async () => {
    const dir = await withLog();
    expect((await run(dir, ['audit', 'export', '--format', 'xml'])).code).toBe(EXIT.usage);
    const bad = await run(dir, ['audit', 'export', '--format', 'csv', '--from', 'yesterday']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/ISO 8601/);
  });
});
