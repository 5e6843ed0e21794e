import type { Command } from 'commander';
import { describe, formatInZone, isValidTimeZone, localTimeZone, next, parse, relativeRuns } from '../../core/cron';
import { EXIT, formatJson, type CliIo, type CommandContext } from './command-context';

export interface CronFlags {
  from?: string;
  next?: string;
  tz?: string;
  relativeTo?: string;
  json?: boolean;
}

const DEFAULT_COUNT = 5;
const MAX_COUNT = 10_000;

export function registerCronCommand(program: Command, ctx: CommandContext): void {
  program
    .command('cron')
    .description("check a schedule expression in Motif's cron dialect: validity, meaning, next fire times")
    .argument('<expression>', 'the expression, quoted, e.g. "0 15,45 * ? * * *"')
    .option('--from <iso>', 'list fire times after this time (default: now)')
    .option('--next <n>', `how many fire times to list (default ${DEFAULT_COUNT})`)
    .option('--tz <zone>', "IANA time zone the fields are read in (default: this computer's)")
    .option('--relative-to <iso>', 'recording start: read the expression as a camera-relative task')
    .option('--json', 'print JSON')
    .action((expression: string, flags: CronFlags) => {
      ctx.exitCode = runCron(expression, flags, ctx.io);
    });
}

function usage(io: CliIo, message: string): number {
  io.err(`motifctl: ${message}\n`);
  return EXIT.usage;
}

function readDate(text: string): Date | null {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `motifctl cron`: returns the exit code; 2 for an invalid expression or flag. */
export function runCron(expression: string, flags: CronFlags, io: CliIo, now: () => Date = () => new Date()): number {
  const timeZone = flags.tz ?? localTimeZone();
  if (!isValidTimeZone(timeZone)) return usage(io, `Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin.`);
  const count = flags.next === undefined ? DEFAULT_COUNT : Number(flags.next);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    return usage(io, `--next must be a whole number from 1 to ${MAX_COUNT}, not "${flags.next}".`);
  }
  const asked = flags.from === undefined ? now() : readDate(flags.from);
  if (asked === null) return usage(io, `--from "${flags.from}" is not an ISO 8601 date-time.`);
  const epoch = flags.relativeTo === undefined ? undefined : readDate(flags.relativeTo);
  if (epoch === null) return usage(io, `--relative-to "${flags.relativeTo}" is not an ISO 8601 date-time.`);
  // A camera-relative task runs only after its recording started.
  const from = epoch !== undefined && (flags.from === undefined || asked < epoch) ? epoch : asked;

  const parsed = parse(expression);
  if (!parsed.ok) {
    if (flags.json) io.out(formatJson({ valid: false, expression, error: parsed.error }));
    return usage(io, `invalid cron expression: ${parsed.error.message}`);
  }
  const cameraRelative = epoch !== undefined;
  const description = describe(parsed.value, { cameraRelative });
  const result = cameraRelative ? relativeRuns(parsed.value, epoch, count, from) : next(parsed.value, from, count, { timeZone });
  const times = result.times.map((t) => formatInZone(t, timeZone));
  if (flags.json) {
    io.out(formatJson({
      valid: true, expression: parsed.value.source, description, timeZone,
      relativeTo: epoch?.toISOString() ?? null, from: formatInZone(from, timeZone),
      times, exhausted: result.exhausted, reason: result.reason ?? null,
    }));
    return EXIT.ok;
  }
  const lines = ['valid: yes', `meaning: ${description}`];
  const clock = cameraRelative ? `recording started ${formatInZone(epoch, timeZone)}` : timeZone;
  lines.push(`next ${count} fire time${count === 1 ? '' : 's'} after ${formatInZone(from, timeZone)} (${clock}):`);
  for (const [i, time] of times.entries()) {
    const after = cameraRelative ? `  (${elapsed((result.times[i]?.getTime() ?? 0) - epoch.getTime())} after the start)` : '';
    lines.push(`  ${time}${after}`);
  }
  if (result.exhausted) lines.push(`no more fire times: ${result.reason ?? 'none found'}`);
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function elapsed(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hms = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0')).join(':');
  return `${sign}${days > 0 ? `${days}d ` : ''}${hms}`;
}
