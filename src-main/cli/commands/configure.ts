import type { Command } from 'commander';
import { UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseKeyValues } from './key-values';
import { withRig } from './rig-action';

export function registerConfigureCommand(program: Command, ctx: CommandContext): void {
  addConnectionFlags(
    program
      .command('configure')
      .description('set camera parameters (e.g. AcquisitionFrameRate=30 ExposureTime=2000), or read one with --read')
      .argument('[params...]', 'Name=value pairs')
      .option('--serial <serial>', 'only this camera; all cameras otherwise')
      .option('--read <name>', 'read this parameter instead of setting any'),
  ).action(async (params: string[], flags: ConnectionFlags & { serial?: string; read?: string }) => {
    await withRig(ctx, flags, async (client) => {
      if (flags.read !== undefined) {
        if (params.length > 0) throw new UsageError('Give either --read NAME or Name=value pairs, not both.');
        return client.readParameter(flags.read, flags.serial);
      }
      const values = parseKeyValues(params);
      if (Object.keys(values).length === 0) throw new UsageError('Nothing to configure: give Name=value pairs, or --read NAME.');
      return client.configure(values, flags.serial);
    });
  });
}
