import type { Command } from 'commander';
import { UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { withRig } from './rig-action';

export function registerMessageCommand(program: Command, ctx: CommandContext): void {
  addConnectionFlags(
    program
      .command('message')
      .description("show a status line in the rig's web UI (--clear removes it)")
      .argument('[text]', 'the message')
      .option('--serial <serial>', 'for this camera')
      .option('--clear', 'remove the message'),
  ).action(async (text: string | undefined, flags: ConnectionFlags & { serial?: string; clear?: boolean }) => {
    await withRig(ctx, flags, async (client) => {
      if (flags.clear === (text !== undefined)) throw new UsageError('Give a message, or --clear to remove it.');
      return client.sendMessage(text ?? '', flags.serial);
    });
  });
}
