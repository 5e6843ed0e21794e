import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fail, ok, type Result } from '../../contract/errors';
import { formatInZone, isValidTimeZone } from '../../core/cron';
import { appConfigDir } from '../../core/config-dir';
import { makeCaller, makeDispatch, type Caller } from '../../core/dispatch';
import { CoreError } from '../../core/errors';
import { silentLogger } from '../../core/logger';
import type { OperationsDeps } from '../../core/operations/run-on-targets';
import type { Protocol } from '../../core/protocols/model';
import type { RigOutcome } from '../../core/protocols/outcomes';
import { EXPORT_FORMATS } from '../../core/protocols/exports';
import { MAX_TASKS_PER_APPLY, MAX_TASKS_PER_RIG } from '../../core/protocols/checks';
import { protocolHandlers } from '../../core/protocols/protocol-handlers';
import { ProtocolStore, readProtocolText } from '../../core/protocols/protocol-store';
import { withRigSession } from '../rig/rig-session';
import { EXIT, formatJson, reportError, reportFailure, UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';

/**
 * `motifctl protocol plan|apply|remove|show|export FILE`: the app's protocol requests over a
 * protocol file. Apply and remove take every rig command's connection flags; plan reads the
 * rig (zone, clock, other tasks) when given one.
 */

interface ParamFlags {
  param?: string[];
}
interface PlanFlags extends ConnectionFlags, ParamFlags {
  from?: string;
  until?: string;
  tz?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function params(flags: ParamFlags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of flags.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param "${pair}" is not name=value (for example output=ledgreen).`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

async function readProtocolFile(file: string): Promise<Protocol> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  try {
    return readProtocolText(text, file);
  } catch (e) {
    if (e instanceof CoreError) throw new UsageError(e.message);
    throw e;
  }
}

const hasRig = (flags: ConnectionFlags, env: Record<string, string | undefined>) =>
  Boolean(flags.rig || env.MOTIF_RIG || flags.host || env.MOTIF_HOST);

/** The protocol requests with no rig at hand (show, export, a plan without a rig). */
function localCaller(ctx: CommandContext): Caller {
  const handlers = protocolHandlers({
    rigName: () => undefined,
    clientFor: () => Promise.reject(new CoreError('invalid-args', 'No rig is given.')),
    store: new ProtocolStore(appConfigDir(ctx.io.env)),
  });
  return makeCaller(makeDispatch(handlers, silentLogger));
}

async function guarded(ctx: CommandContext, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    reportFailure(ctx, e);
  }
}

function settleLocal<T>(ctx: CommandContext, result: Result<T>, print: (value: T) => string): void {
  if (!result.ok) return reportError(ctx, result.error);
  ctx.io.out(print(result.value));
  ctx.exitCode = EXIT.ok;
}

function readIso(text: string | undefined, flag: string): string {
  if (text === undefined) throw new UsageError(`${flag} is required: an ISO 8601 date-time such as 2026-06-01T08:00:00+02:00.`);
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} "${text}" is not an ISO 8601 date-time.`);
  return d.toISOString();
}

/** --confirm-tasks: a whole number of tasks within the ceiling. */
function readCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_TASKS_PER_APPLY) {
    throw new UsageError(`--confirm-tasks takes the number of tasks to confirm, 1 to ${MAX_TASKS_PER_APPLY} (got "${text}").`);
  }
  return n;
}

export function registerProtocolCommand(program: Command, ctx: CommandContext): void {
  const protocol = program.command('protocol').description('plan, apply, remove, show and export experiment protocols (JSON files)');

  protocol
    .command('show')
    .description("the Motif tasks a protocol compiles to, in words")
    .argument('<file>', 'protocol file (JSON)')
    .option('--param <name=value>', "a rig's value for a parameter (repeatable)", collect)
    .option('--json', 'print JSON')
    .action((file: string, flags: ParamFlags & { json?: boolean }) =>
      guarded(ctx, async () => {
        const p = await readProtocolFile(file);
        const r = await localCaller(ctx)('protocols.compile', { ref: { protocol: p }, params: params(flags) });
        settleLocal(ctx, r, (v) => (flags.json ? formatJson(v) : `${v.tasks.map((t) => `${t.name}\n  ${t.words}\n  ${t.cronWords}${t.cameraRelative ? ' (after each recording start)' : ''}\n  ${t.endpoint} "${t.cronExpression}"`).join('\n')}\n`));
      }),
    );

  addConnectionFlags(
    protocol
      .command('plan')
      .description('the events a protocol causes between two times: on a rig (its zone, clock and other tasks) or, without one, here')
      .argument('<file>', 'protocol file (JSON)')
      .option('--from <iso>', 'start of the period (ISO 8601)')
      .option('--until <iso>', 'end of the period (ISO 8601)')
      .option('--tz <zone>', "IANA time zone (default: the rig's, else this computer's)")
      .option('--param <name=value>', "a rig's value for a parameter (repeatable)", collect)
      .option('--json', 'print a JSON array of events {at, rig, action, args}'),
  ).action((file: string, flags: PlanFlags) =>
    guarded(ctx, async () => {
      const p = await readProtocolFile(file);
      const from = readIso(flags.from, '--from');
      const until = readIso(flags.until, '--until');
      if (flags.tz !== undefined && !isValidTimeZone(flags.tz)) throw new UsageError(`Unknown time zone "${flags.tz}": use an IANA name such as Europe/Berlin.`);
      const base = { ref: { protocol: p }, from, until, ...(flags.tz === undefined ? {} : { timeZone: flags.tz }) };
      const print = (value: { lanes: { rig: string; timeZone: string; events: { atMs: number; action: string; args: unknown }[]; warnings: { message: string }[]; error?: { message: string } }[] }) => {
        for (const lane of value.lanes) {
          if (lane.error) ctx.io.err(`motifctl: ${lane.error.message}\n`);
          for (const w of lane.warnings) ctx.io.err(`motifctl: warning: ${w.message}\n`);
        }
        const events = value.lanes.flatMap((l) => l.events.map((e) => ({ at: formatInZone(new Date(e.atMs), l.timeZone), rig: l.rig, action: e.action, args: e.args })));
        if (flags.json) return formatJson(events);
        return events.map((e) => `${e.at}  ${e.action}  ${formatJson(e.args).replace(/\s+/g, ' ').trim()}`).join('\n') + (events.length > 0 ? '\n' : '');
      };
      if (!hasRig(flags, ctx.io.env)) {
        settleLocal(ctx, await planWithParams(ctx, base, params(flags)), print);
        return;
      }
      await withRigSession(ctx, flags, async (call, rig) => {
        const r = await call('protocols.plan', { ...base, rigs: [{ rigId: rig.id, params: params(flags) }] });
        if (!r.ok) return r;
        ctx.io.out(print(r.value));
        return ok(undefined);
      }, protocolDeps);
    }),
  );

  addConnectionFlags(
    protocol
      .command('apply')
      .description("put a protocol's tasks on a rig (an offline rig of the rig list gets them through the outbox)")
      .argument('<file>', 'protocol file (JSON)')
      .option('--param <name=value>', "the rig's value for a parameter (repeatable)", collect)
      .option('--replace', 'replace tasks of the same names that this app did not put there')
      .option('--confirm-tasks <count>', `apply even though the rig gets more than ${MAX_TASKS_PER_RIG} tasks, up to this many (never above ${MAX_TASKS_PER_APPLY})`),
  ).action((file: string, flags: ConnectionFlags & ParamFlags & { replace?: boolean; confirmTasks?: string }) =>
    guarded(ctx, async () => {
      const p = await readProtocolFile(file);
      const confirmTasks = flags.confirmTasks === undefined ? undefined : readCount(flags.confirmTasks);
      await withRigSession(ctx, flags, async (call, rig) => {
        const r = await call('protocols.apply', {
          ref: { protocol: p },
          rigs: [{ rigId: rig.id, params: params(flags) }],
          ...(flags.replace ? { replace: true } : {}),
          ...(confirmTasks === undefined ? {} : { confirmTasks }),
        });
        return oneRig(ctx, r);
      }, protocolDeps);
    }),
  );

  addConnectionFlags(
    protocol
      .command('remove')
      .description("take a protocol's tasks (mc-<protocol>-<n>) off a rig; the rig's other tasks stay")
      .argument('<file>', 'protocol file (JSON)'),
  ).action((file: string, flags: ConnectionFlags) =>
    guarded(ctx, async () => {
      const p = await readProtocolFile(file);
      await withRigSession(ctx, flags, async (call, rig) => oneRig(ctx, await call('protocols.remove', { name: p.name, rigIds: [rig.id] })), protocolDeps);
    }),
  );

  protocol
    .command('export')
    .description("a protocol's tasks as a script: Python for the vendor's client, curl commands, or MATLAB webwrite calls")
    .argument('<file>', 'protocol file (JSON)')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .option('--param <name=value>', "a rig's value for a parameter (repeatable)", collect)
    .action((file: string, flags: ParamFlags & { format: string }) =>
      guarded(ctx, async () => {
        const format = EXPORT_FORMATS.find((f) => f === flags.format);
        if (!format) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${flags.format}".`);
        const p = await readProtocolFile(file);
        const r = await localCaller(ctx)('protocols.export', { ref: { protocol: p }, format, params: params(flags) });
        settleLocal(ctx, r, (v) => v.text);
      }),
    );
}

const protocolDeps = (deps: OperationsDeps, configDir: string) => protocolHandlers({ ...deps, store: new ProtocolStore(configDir) });

/** One rig's outcome as the answer: its failure as an error and exit code, notes on stderr. */
function oneRig(ctx: CommandContext, r: Result<RigOutcome[]>): Result<unknown> {
  if (!r.ok) return r;
  const [outcome] = r.value;
  if (!outcome) return fail('internal', 'No outcome for the rig.');
  for (const note of outcome.notes) ctx.io.err(`motifctl: ${note}\n`);
  if (!outcome.ok && outcome.error) return { ok: false, error: outcome.error };
  return ok(outcome);
}

async function planWithParams(ctx: CommandContext, base: { ref: { protocol: Protocol }; from: string; until: string; timeZone?: string }, values: Record<string, string>) {
  // Without a rig the plan fills parameters from their defaults, so --param values go in as defaults.
  const p = base.ref.protocol;
  const parameters = Object.fromEntries(Object.entries(p.parameters).map(([k, v]) => [k, values[k] === undefined ? v : { ...v, default: values[k] }]));
  return localCaller(ctx)('protocols.plan', { ...base, ref: { protocol: { ...p, parameters } }, rigs: [] });
}
