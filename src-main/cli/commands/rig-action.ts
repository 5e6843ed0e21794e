import { MotifClient } from '../../core/motif-api/motif-client';
import { formatJson, reportFailure, type CommandContext } from './command-context';
import { resolveConnection, type ConnectionFlags } from './connection-flags';

/**
 * Run `fn` against the rig named by `flags`: print its result as JSON on stdout, or a
 * sentence on stderr with the matching exit code. The connection is closed either way.
 */
export async function withRig(
  ctx: CommandContext,
  flags: ConnectionFlags,
  fn: (client: MotifClient) => Promise<unknown>,
): Promise<void> {
  let client: MotifClient;
  try {
    client = new MotifClient(await resolveConnection(flags, ctx.io.env));
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
  }
}
