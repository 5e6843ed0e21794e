import type { Command } from 'commander';
import type { MotifError } from '../../contract/errors';
import type { OutboxEntry } from '../../contract/requests/outbox';
import { appConfigDir } from '../../core/config-dir';
import { AuditLog } from '../../core/audit/audit-log';
import { auditedClientFactory } from '../../core/audit/audited-client';
import { openRigs, type RigsOptions } from '../../core/registry/open-rigs';
import { Outbox } from '../../core/outbox/outbox';
import { EXIT, exitCodeFor, formatJson, reportFailure, type CommandContext } from './command-context';

/** `rigsOptions`: how rigs and keys are opened for `retry` (tests pass an in-memory keychain). */
export function registerOutboxCommand(program: Command, ctx: CommandContext, deps: { rigsOptions?: RigsOptions } = {}): void {
  const outbox = program.command('outbox').description('changes kept for rigs that were offline, applied when they return');
  outbox
    .command('list')
    .description('every queued change as JSON, in the order it will be applied')
    .option('--rig <name>', 'only this rig (name or id)')
    .action(async (flags: { rig?: string }) => {
      await run(ctx, async (box) => {
        const rig = flags.rig?.toLowerCase();
        const entries = (await box.list()).filter(
          (e) => rig === undefined || e.rigId.toLowerCase() === rig || e.rigName.toLowerCase() === rig,
        );
        ctx.io.out(formatJson({ entries }));
      });
    });
  outbox
    .command('cancel <id>')
    .description('drop a pending, failed or conflicting change; it is never sent')
    .action(async (id: string) => {
      await run(ctx, async (box) => settle(ctx, await box.cancel(id)));
    });
  outbox
    .command('retry <id>')
    .description("send a failed change again now, then the rest of its rig's queue")
    .action(async (id: string) => {
      await sendNow(ctx, deps, id, (box) => box.retry(id));
    });
  outbox
    .command('apply <id>')
    .description('send a change held as a conflict (changed on the rig since it was queued) anyway, over what the rig shows now')
    .action(async (id: string) => {
      await sendNow(ctx, deps, id, (box) => box.applyAnyway(id));
    });
}

/** Mark an entry to be sent (`mark`), apply its rig's queue now, and print how the entry stands. */
async function sendNow(
  ctx: CommandContext,
  deps: { rigsOptions?: RigsOptions },
  id: string,
  mark: (box: Outbox) => Promise<{ ok: true; value: { entry: OutboxEntry } } | { ok: false; error: MotifError }>,
): Promise<void> {
  const configDir = appConfigDir(ctx.io.env);
  const audit = new AuditLog({ configDir });
  // Sent from the terminal, it is a command like any other: it goes in the audit log.
  const rigs = openRigs({ ...deps.rigsOptions, configDir, createClient: auditedClientFactory(audit) });
  try {
    const box = new Outbox({
      configDir,
      clientFor: (rigId) => rigs.connector.clientFor(rigId),
      rigName: (rigId) => rigs.registry.get(rigId)?.name,
    });
    const marked = await mark(box);
    if (!marked.ok) return settle(ctx, marked);
    await box.close();
    const [entry] = (await box.list()).filter((e) => e.id === id);
    // Applied ones are kept for a while; an entry gone means it was applied and pruned.
    ctx.io.out(formatJson({ entry: entry ?? { ...marked.value.entry, state: 'applied' } }));
    ctx.exitCode = entry?.state === 'failed' || entry?.state === 'conflict' ? EXIT.rigError : EXIT.ok;
    if (entry?.state === 'pending' && entry.error) ctx.io.err(`motifctl: not sent yet: ${entry.error.message}\n`);
    if (entry?.state === 'conflict' && entry.conflict) ctx.io.err(`motifctl: not sent: ${entry.conflict.message}\n`);
  } catch (e) {
    reportFailure(ctx, e);
  } finally {
    await rigs.close();
    await audit.flush();
  }
}

async function run(ctx: CommandContext, fn: (box: Outbox) => Promise<void>): Promise<void> {
  try {
    const box = new Outbox({
      configDir: appConfigDir(ctx.io.env),
      clientFor: () => Promise.reject(new Error('this command sends nothing')),
      rigName: () => undefined,
    });
    await fn(box);
  } catch (e) {
    reportFailure(ctx, e);
  }
}

function settle(ctx: CommandContext, result: { ok: true; value: unknown } | { ok: false; error: MotifError }): void {
  if (result.ok) {
    ctx.io.out(formatJson(result.value));
    ctx.exitCode = EXIT.ok;
  } else {
    ctx.io.err(`motifctl: ${result.error.message} [${result.error.code}]\n`);
    ctx.exitCode = exitCodeFor(result.error.code);
  }
}
