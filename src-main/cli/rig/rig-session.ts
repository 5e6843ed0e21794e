import type { Result } from '../../contract/errors';
import type { TargetOutcome } from '../../contract/requests/targets';
import { AuditLog } from '../../core/audit/audit-log';
import { AuditedMotifClient } from '../../core/audit/audited-client';
import { appConfigDir } from '../../core/config-dir';
import { makeCaller, makeDispatch, type Caller, type Handlers } from '../../core/dispatch';
import { silentLogger } from '../../core/logger';
import { operationHandlers } from '../../core/operations/operation-handlers';
import type { OperationsDeps } from '../../core/operations/run-on-targets';
import { Outbox } from '../../core/outbox/outbox';
import { LastSeen } from '../../core/outbox/last-seen';
import { outboxDelivery } from '../../core/outbox/outbox-delivery';
import { EXIT, formatJson, reportError, reportFailure, type CommandContext } from '../commands/command-context';
import { auditTargetFor, resolveConnection, type ConnectionFlags } from '../commands/connection-flags';

/** One rig for one command: the id the dispatch knows it by, and its name. */
export interface SessionRig {
  id: string;
  name: string;
}

/**
 * The core a rig command runs on: the very operation handlers of the app, behind the same
 * dispatch (validation, error words), with the shared audit log, and for a rig of the rig
 * list the shared outbox, so a change for an offline rig waits for the app to apply it.
 */
export async function withRigSession(
  ctx: CommandContext,
  flags: ConnectionFlags,
  run: (call: Caller, rig: SessionRig) => Promise<Result<unknown>>,
  /** More of the app's handlers over the same rig (protocols), beside the operations. */
  more?: (deps: OperationsDeps, configDir: string) => Partial<Handlers>,
): Promise<void> {
  const configDir = appConfigDir(ctx.io.env);
  const audit = cliAuditLog(ctx, configDir);
  // What this command reads of the rig is the basis of a change the outbox keeps for it later.
  const lastSeen = new LastSeen(configDir);
  let client: AuditedMotifClient;
  let rig: SessionRig;
  let named: boolean;
  try {
    const options = await resolveConnection(flags, ctx.io.env);
    const target = auditTargetFor(flags, ctx.io.env, options);
    rig = { id: target.rigId, name: target.rigName };
    named = Boolean(flags.rig || ctx.io.env.MOTIF_RIG);
    client = new AuditedMotifClient(options, () => target, (record) => void audit.record(record), (id, endpoint, answer) => lastSeen.record(id, endpoint, answer));
  } catch (e) {
    reportFailure(ctx, e);
    return;
  }
  const clientFor = () => Promise.resolve(client);
  const rigName = (id: string) => (id === rig.id ? rig.name : undefined);
  // A rig given only by address has no key stored for later: its changes are sent now or not at all.
  const outbox = named ? new Outbox({ configDir, clientFor, rigName, lastSeen }) : undefined;
  const deps: OperationsDeps = { rigName, clientFor, submitChange: outbox && outboxDelivery(outbox) };
  const handlers = { ...operationHandlers(deps), ...more?.(deps, configDir) };
  const call = makeCaller(makeDispatch(handlers, silentLogger));
  try {
    const result = await run(call, rig);
    settle(ctx, result);
  } catch (e) {
    reportFailure(ctx, e);
  } finally {
    warnIfCertificateExpired(ctx, client);
    await outbox?.close();
    await lastSeen.flush();
    await client.destroy();
    await audit.flush();
  }
}

/** The shared audit log, its write failures said on stderr. */
export function cliAuditLog(ctx: CommandContext, configDir: string): AuditLog {
  return new AuditLog({
    configDir,
    onError: (e) => ctx.io.err(`motifctl: could not write the audit log (${e instanceof Error ? e.message : String(e)})\n`),
  });
}

/** After a command: a warning on stderr when the rig's pinned certificate has expired. */
export function warnIfCertificateExpired(ctx: CommandContext, client: AuditedMotifClient): void {
  const expiredAt = client.certificateExpiredAt();
  if (expiredAt !== null) ctx.io.err(`motifctl: warning: ${certificateExpiredWords(client.rigLabel, expiredAt)}\n`);
}

/** The pin is the trust, so the rig is still used; never silently. */
export function certificateExpiredWords(rig: string, expiredAt: string): string {
  return `the certificate pinned for ${rig} expired on ${expiredAt.slice(0, 10)}; it is still trusted because its fingerprint is pinned. Renew it on the rig, then pin the new fingerprint (motifctl trust shows it) when convenient.`;
}

/** Print a request's answer: one target's outcome as the rig's answer, a failure as a sentence and exit code. */
function settle(ctx: CommandContext, result: Result<unknown>): void {
  if (!result.ok) return reportError(ctx, result.error);
  const value = result.value;
  // A command that printed its own answer (in its own format) settles with undefined.
  if (value === undefined) {
    ctx.exitCode = EXIT.ok;
    return;
  }
  const outcome = singleOutcome(value);
  if (!outcome) {
    ctx.io.out(formatJson(value));
    ctx.exitCode = EXIT.ok;
    return;
  }
  if (!outcome.ok) return reportError(ctx, outcome.error);
  if ('note' in outcome && typeof outcome.note === 'string') ctx.io.err(`motifctl: ${outcome.note}\n`);
  if (outcome.delivery === 'queued') {
    ctx.io.out(formatJson({ delivery: 'queued' }));
    ctx.io.err(`motifctl: ${outcome.rigName} is offline: the change waits in the outbox and is applied when it returns (motifctl outbox list).\n`);
  } else {
    ctx.io.out(formatJson(outcome.value ?? {}));
  }
  ctx.exitCode = EXIT.ok;
}

function singleOutcome(value: unknown): TargetOutcome | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const only: unknown = value[0];
  return isOutcome(only) ? only : undefined;
}

function isOutcome(v: unknown): v is TargetOutcome {
  return typeof v === 'object' && v !== null && 'rigId' in v && 'ok' in v && 'elapsedMs' in v;
}
