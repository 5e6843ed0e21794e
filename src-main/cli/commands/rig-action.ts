import { appConfigDir } from '../../core/config-dir';
import type { MotifClient } from '../../core/motif-api/motif-client';
import { AuditedMotifClient } from '../../core/audit/audited-client';
import { AuditLog } from '../../core/audit/audit-log';
import { formatJson, reportFailure, type CommandContext } from './command-context';
import { auditTargetFor, resolveConnection, type ConnectionFlags } from './connection-flags';

/**
 * Run `fn` against the rig named by `flags`: print its result as JSON on stdout, or a
 * sentence on stderr with the matching exit code. The connection is closed either way.
 * Commands land in the same audit log as the app's: the lab's record includes scripts.
 */
export async function withRig(
  ctx: CommandContext,
  flags: ConnectionFlags,
  fn: (client: MotifClient) => Promise<unknown>,
): Promise<void> {
  let client: MotifClient;
  const audit = new AuditLog({
    configDir: appConfigDir(ctx.io.env),
    onError: (e) => ctx.io.err(`motifctl: could not write the audit log (${e instanceof Error ? e.message : String(e)})`),
  });
  try {
    const options = await resolveConnection(flags, ctx.io.env);
    const target = auditTargetFor(flags, ctx.io.env, options);
    client = new AuditedMotifClient(options, () => target, (record) => void audit.record(record));
  } catch (e) {
    reportFailure(ctx, e);
    return;
  }
  try {
    const value = await fn(client);
    ctx.io.out(formatJson(value));
    ctx.exitCode = 0;
  } catch (e) {
    reportFailure(ctx, e);
  } finally {
    await client.destroy();
    await audit.flush();
  }
}
