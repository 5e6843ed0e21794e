import type { Command } from 'commander';
import type { CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { withRig } from './rig-action';

/** "all" is the vendor's special serial `__all`. */
const serialOrAll = (serial: string): string => (serial === 'all' ? '__all' : serial);

export function registerMulticamCommand(program: Command, ctx: CommandContext): void {
  const multicam = program.command('multicam').description('camera processes of a multi-camera rig');
  addConnectionFlags(multicam.command('sync').description('synchronize the cameras')).action(
    async (flags: ConnectionFlags) => {
      await withRig(ctx, flags, (client) => client.synchronizeCameras());
    },
  );
  addConnectionFlags(
    multicam
      .command('connect')
      .description('start the process of a camera (all: every camera)')
      .argument('<serial>', 'camera serial, or all'),
  ).action(async (serial: string, flags: ConnectionFlags) => {
    await withRig(ctx, flags, (client) => client.connectCamera(serialOrAll(serial)));
  });
  addConnectionFlags(
    multicam
      .command('disconnect')
      .description('stop the process of a camera (all: every camera)')
      .argument('<serial>', 'camera serial, or all'),
  ).action(async (serial: string, flags: ConnectionFlags) => {
    await withRig(ctx, flags, (client) => client.disconnectCamera(serialOrAll(serial)));
  });
  addConnectionFlags(multicam.command('connect-all').description('start every camera (later Motif 5 releases)')).action(
    async (flags: ConnectionFlags) => {
      await withRig(ctx, flags, (client) => client.connectAllCameras());
    },
  );
  addConnectionFlags(
    multicam.command('disconnect-all').description('stop every camera (later Motif 5 releases)'),
  ).action(async (flags: ConnectionFlags) => {
    await withRig(ctx, flags, (client) => client.disconnectAllCameras());
  });
}
