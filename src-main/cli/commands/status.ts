import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { withRigSession } from '../rig/rig-session';

export function registerStatusCommand(program: Command, ctx: CommandContext): void {
  addConnectionFlags(
    program
      .command('status')
      .description("the rig's version, its cameras, and whether each records, copies or exports")
      .option('--serial <serial>', 'only this camera'),
  ).action(async (flags: ConnectionFlags & { serial?: string }) => {
    await withRigSession(ctx, flags, async (call, rig) => {
      const result = await call('cameras.status', { target: { rigId: rig.id, serial: flags.serial } });
      return result.ok ? { ok: true, value: { rig: rig.name, ...result.value } } : result;
    });
  });
}
