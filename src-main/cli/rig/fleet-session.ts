import type { Result } from '../../contract/errors';
import type { TargetOutcome } from '../../contract/requests/targets';
import { AuditedMotifClient } from '../../core/audit/audited-client';
import { appConfigDir } from '../../core/config-dir';
import { makeCaller, makeDispatch, type Caller } from '../../core/dispatch';
import { silentLogger } from '../../core/logger';
import { operationHandlers } from '../../core/operations/operation-handlers';
import type { OperationsDeps } from '../../core/operations/run-on-targets';
import { Outbox } from '../../core/outbox/outbox';
import { LastSeen } from '../../core/outbox/last-seen';
import { outboxDelivery } from '../../core/outbox/outbox-delivery';
import { SecretStore } from '../../core/secrets/secret-store';
import { EXIT, exitCodeFor, formatJson, reportError, reportFailure, UsageError, type CommandContext } from '../commands/command-context';
import { resolveConnection, type ConnectionFlags } from '../commands/connection-flags';
import { findNamedRig, keyForNamedRig } from '../commands/named-rig';
import { cliAuditLog, warnIfCertificateExpired, type SessionRig } from './rig-session';

/** The name this process gives its one fleet command, under which outcomes come as they are known. */
const PROGRESS = 'motifctl';

/** "rig-3: done", "rig-4 · camera FAKE1: failed: …": one target's outcome, as a line. */
export function outcomeLine(o: TargetOutcome): string {
  const where = o.serial ? `${o.rigName} · camera ${o.serial}` : o.rigName;
  if (o.ok) return `${where}: ${o.delivery === 'queued' ? 'queued (rig offline; the app sends it when the rig is back)' : 'done'}`;
  return `${where}: ${o.error.code === 'already-recording' ? o.error.message : `failed: ${o.error.message}`}`;
}

/**
 * One command over several rigs of the rig list (`--rigs a,b,c`): the app's operation handlers
 * behind the same dispatch, with the shared audit log and outbox. Each rig's line is printed as
 * that rig answers; with --json, the lines go to stderr and stdout gets the whole answer (the
 * outcomes in rig order), as for one rig. Exit code: 0 when every rig did it, else the first
 * failure's.
 */
export async function withFleetSession(
  ctx: CommandContext,
  rigNames: readonly string[],
  flags: ConnectionFlags & { json?: boolean },
  send: (call: Caller, rigs: SessionRig[], progress: string) => Promise<Result<TargetOutcome[]>>,
): Promise<void> {
  if (flags.rig || flags.host || flags.apiKey) {
    reportFailure(ctx, new UsageError('Use --rigs alone: the rigs and their keys come from the rig list.'));
    return;
  }
  const env = ctx.io.env;
  const configDir = appConfigDir(env);
  const audit = cliAuditLog(ctx, configDir);
  const lastSeen = new LastSeen(configDir);
  const clients = new Map<string, AuditedMotifClient>();
  const rigs: SessionRig[] = [];
  try {
    const secrets = new SecretStore();
    const configs = [...new Map(rigNames.map((name) => findNamedRig(name, env)).map((r) => [r.id, r])).values()];
    // The keys of all of them in one keychain call (a SecretStore reads keys wanted together at once).
    const keys = await Promise.all(configs.map((r) => keyForNamedRig(r, secrets)));
    for (const [i, config] of configs.entries()) {
      const options = await resolveConnection({ rig: config.id, apiKey: keys[i], ...(flags.timeout ? { timeout: flags.timeout } : {}) }, env);
      const target = { rigId: config.id, rigName: config.name };
      clients.set(config.id, new AuditedMotifClient(options, () => target, (record) => void audit.record(record), (id, endpoint, answer) => lastSeen.record(id, endpoint, answer)));
      rigs.push({ id: config.id, name: config.name });
    }
  } catch (e) {
    reportFailure(ctx, e);
    await Promise.all([...clients.values()].map((c) => c.destroy()));
    return;
  }
  const rigName = (id: string) => rigs.find((r) => r.id === id)?.name;
  const clientFor = (id: string) => {
    const client = clients.get(id);
    return client ? Promise.resolve(client) : Promise.reject(new UsageError(`No rig with id ${id} in this command.`));
  };
  const outbox = new Outbox({ configDir, clientFor, rigName, lastSeen });
  const print = (line: string) => (flags.json ? ctx.io.err(`${line}\n`) : ctx.io.out(`${line}\n`));
  const deps: OperationsDeps = {
    rigName,
    clientFor,
    submitChange: outboxDelivery(outbox),
    outcomeOf: (progress, outcome) => {
      if (progress === PROGRESS) print(outcomeLine(outcome));
    },
  };
  const call = makeCaller(makeDispatch(operationHandlers(deps), silentLogger));
  try {
    const result = await send(call, rigs, PROGRESS);
    if (!result.ok) {
      reportError(ctx, result.error);
      return;
    }
    if (flags.json) ctx.io.out(formatJson(result.value));
    const failed = result.value.find((o) => !o.ok && o.error.code !== 'already-recording');
    ctx.exitCode = failed && !failed.ok ? exitCodeFor(failed.error.code) : EXIT.ok;
  } catch (e) {
    reportFailure(ctx, e);
  } finally {
    for (const client of clients.values()) warnIfCertificateExpired(ctx, client);
    await outbox.close();
    await lastSeen.flush();
    await Promise.all([...clients.values()].map((c) => c.destroy()));
    await audit.flush();
  }
}
