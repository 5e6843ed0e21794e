import type { Command } from 'commander';
import { ENDPOINTS } from '../../core/motif-api/endpoint-table';
import type { CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseKeyValues } from './key-values';
import { withRig } from './rig-action';

const endpointList = Object.entries(ENDPOINTS)
  .map(([template, { method, summary }]) => `  ${method.padEnd(6)} ${template.padEnd(46)} ${summary}`)
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
    .action(async (endpoint: string, args: string[], flags: ConnectionFlags) => {
      await withRig(ctx, flags, (client) => client.call(endpoint, parseKeyValues(args)));
    });
}
