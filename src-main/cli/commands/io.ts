import type { Command } from 'commander';
import { UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseKeyValues, parseNumber } from './key-values';
import { withRig } from './rig-action';

type SerialFlags = ConnectionFlags & { serial?: string };

export function registerIoCommand(program: Command, ctx: CommandContext): void {
  const io = program.command('io').description('outputs, inputs and logging into recordings');
  addConnectionFlags(
    io
      .command('set')
      .description('set a named output; inf toggles starting high, -inf toggles starting low')
      .argument('<name>', 'output channel name as configured on the rig')
      .argument('<value>', 'a number, inf or -inf')
      .option('--serial <serial>', "the output on this camera's IO device")
      // So that "-inf" and "-1" reach <value> instead of being read as options.
      .allowUnknownOption(),
  ).action(async (name: string, value: string, flags: SerialFlags) => {
    await withRig(ctx, flags, (client) => client.setOutput(name, parseNumber(value, 'The output value'), flags.serial));
  });
  addConnectionFlags(
    io
      .command('log')
      .description("record key=value pairs into the recording's extra data, with frame number and time")
      .argument('<pairs...>', 'key=value pairs')
      .option('--serial <serial>', "only this camera's recording"),
  ).action(async (pairs: string[], flags: SerialFlags) => {
    await withRig(ctx, flags, async (client) => {
      const values = parseKeyValues(pairs);
      if (Object.keys(values).length === 0) throw new UsageError('Nothing to log: give key=value pairs.');
      return client.logIo(values, flags.serial);
    });
  });
  addConnectionFlags(
    io
      .command('read')
      .description('read inputs')
      .option('--serial <serial>', "inputs of this camera's IO device"),
  ).action(async (flags: SerialFlags) => {
    await withRig(ctx, flags, (client) => client.readIo(flags.serial));
  });
}
