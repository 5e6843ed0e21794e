import type { Command } from 'commander';
import { OPERATIONS, type OperationName, type OperationSpec } from '../../core/motif-api/operation-table';
import { withRigSession } from '../rig/rig-session';
import { reportFailure, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseKeyValues } from './key-values';

const endpointList = (Object.keys(OPERATIONS) as OperationName[])
  .flatMap((name) => {
    const { method, path, summary }: OperationSpec = OPERATIONS[name];
    return [path.rig, path.camera].flatMap((t) => (t === undefined ? [] : [`  ${method.padEnd(6)} ${t.padEnd(46)} ${summary}`]));
  })
  .join('\n');

/** `motifctl call <endpoint> [key=value ...]`: any endpoint, as the vendor's `api.call(path, **kwargs)`. */
export function registerCallCommand(program: Command, ctx: CommandContext): void {
  addConnectionFlags(
    program
      .command('call')
      .description('call any Motif endpoint; values are JSON, inf/-inf, or else text')
      .argument('<endpoint>', 'e.g. version, cameras, camera/FAKE0, io/led/set')
      .argument('[args...]', 'key=value arguments, e.g. codec=high duration=30 metadata=\'{"fly": 7}\''),
  )
    .addHelpText('after', `\nEndpoints:\n${endpointList}`)
    .action(async (endpoint: string, pairs: string[], flags: ConnectionFlags) => {
      let args: ReturnType<typeof parseKeyValues>;
      try {
        args = parseKeyValues(pairs);
      } catch (e) {
        reportFailure(ctx, e);
        return;
      }
      await withRigSession(ctx, flags, async (call, rig) => {
        const result = await call('rig.call', { rigId: rig.id, endpoint, args });
        return result.ok ? { ok: true, value: result.value.value ?? { delivery: result.value.delivery } } : result;
      });
    });
}
