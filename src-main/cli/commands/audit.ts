import type { Command } from 'commander';
import { appConfigDir } from '../../core/config-dir';
import { formatAudit, type AuditFormat } from '../../core/audit/audit-export';
import { AuditLog, type AuditQuery } from '../../core/audit/audit-log';
import { writeFileAtomic } from '../../core/files/atomic-file';
import { EXIT, reportFailure, UsageError, type CommandContext } from './command-context';

interface AuditExportFlags {
  format: string;
  from?: string;
  to?: string;
  rig?: string;
  out?: string;
}

export function registerAuditCommand(program: Command, ctx: CommandContext): void {
  const audit = program.command('audit').description("the lab's record of every command sent to a rig");
  audit
    .command('export')
    .description('print (or write to a file) the audit log as CSV or JSON, oldest first')
    .requiredOption('--format <format>', 'csv or json')
    .option('--from <time>', 'only commands at or after this ISO 8601 time')
    .option('--to <time>', 'only commands at or before this ISO 8601 time')
    .option('--rig <name>', "only this rig (its name or id, as it was when the command was sent)")
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: AuditExportFlags) => {
      try {
        const format = parseFormat(flags.format);
        const log = new AuditLog({ configDir: appConfigDir(ctx.io.env) });
        const query: AuditQuery = { ...timeFlag('from', flags.from), ...timeFlag('to', flags.to) };
        const rig = flags.rig?.toLowerCase();
        const entries = (await log.read(query)).filter(
          (e) => rig === undefined || e.rigId.toLowerCase() === rig || e.rigName.toLowerCase() === rig,
        );
        const text = formatAudit(entries, format);
        if (flags.out) {
          await writeFileAtomic(flags.out, text);
          ctx.io.err(`motifctl: wrote ${entries.length} audit entries to ${flags.out}\n`);
        } else {
          ctx.io.out(text);
        }
        ctx.exitCode = EXIT.ok;
      } catch (e) {
        reportFailure(ctx, e);
      }
    });
}

function parseFormat(text: string): AuditFormat {
  if (text === 'csv' || text === 'json') return text;
  throw new UsageError(`--format must be csv or json, not "${text}".`);
}

function timeFlag(name: 'from' | 'to', text: string | undefined): AuditQuery {
  if (text === undefined) return {};
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} must be an ISO 8601 time such as 2026-03-01T09:00:00Z, not "${text}".`);
  return name === 'from' ? { fromMs: ms } : { toMs: ms };
}
