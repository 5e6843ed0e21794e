import type { Command } from 'commander';
import type { CopyAllArgs, ExportAllArgs } from '../../core/motif-api/endpoint-table';
import type { CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { withRig } from './rig-action';

type SerialFlags = ConnectionFlags & { serial?: string };

export function copyArgs(flags: { location?: string; deleteAfter?: boolean }): CopyAllArgs {
  const args: CopyAllArgs = {};
  if (flags.location !== undefined) args.location = flags.location;
  if (flags.deleteAfter) args.delete_after = true;
  return args;
}

export function exportArgs(flags: { toStore?: boolean; codec?: string; deleteAfter?: boolean; path?: string }): ExportAllArgs {
  const args: ExportAllArgs = {};
  if (flags.toStore !== undefined) args.to_store = flags.toStore;
  if (flags.codec !== undefined) args.codec = flags.codec;
  if (flags.deleteAfter) args.delete_after = true;
  if (flags.path !== undefined) args.path = flags.path;
  return args;
}

export function registerRecordingsCommand(program: Command, ctx: CommandContext): void {
  const recordings = program.command('recordings').description('list, copy or export recordings');
  addConnectionFlags(
    recordings.command('list').description('recordings on the rig').option('--serial <serial>', 'only this camera'),
  ).action(async (flags: SerialFlags) => {
    await withRig(ctx, flags, (client) => client.recordings(flags.serial));
  });
  addConnectionFlags(
    recordings
      .command('copy')
      .description('copy finished recordings not yet copied (move with --delete-after)')
      .option('--serial <serial>', 'only this camera')
      .option('--location <path>', "destination on the rig; the rig's configured one otherwise")
      .option('--delete-after', 'delete the originals after a successful copy'),
  ).action(async (flags: SerialFlags & { location?: string; deleteAfter?: boolean }) => {
    await withRig(ctx, flags, (client) => client.copyAll(copyArgs(flags), flags.serial));
  });
  addConnectionFlags(
    recordings
      .command('export')
      .description('export image stores to videos')
      .option('--serial <serial>', 'only this camera')
      .option('--to-store', 'export to image stores')
      .option('--no-to-store', 'export to video files')
      .option('--codec <name>', 'compression setting as named on the rig')
      .option('--delete-after', 'delete the originals after a successful export')
      .option('--path <path>', 'destination on the rig'),
  ).action(async (flags: SerialFlags & { toStore?: boolean; codec?: string; deleteAfter?: boolean; path?: string }) => {
    await withRig(ctx, flags, (client) => client.exportAll(exportArgs(flags), flags.serial));
  });
}
