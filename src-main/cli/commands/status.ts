import type { Command } from 'commander';
import { isCopyingStatus, isExportingStatus, isRecordingStatus } from '../../core/motif-api/camera-state';
import { fanOut } from '../../core/motif-api/fan-out';
import type { MotifClient } from '../../core/motif-api/motif-client';
import type { CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { withRig } from './rig-action';

/** Version, cameras, and each camera's state, the cameras read at once. */
export async function rigStatus(client: MotifClient, onlySerial?: string) {
  const [version, cameras] = await Promise.all([client.version(), client.cameras()]);
  const listed = (cameras.cameras ?? []).filter((c) => onlySerial === undefined || c.serial === onlySerial);
  const targets = listed.length > 0 || onlySerial === undefined ? listed : [{ serial: onlySerial }];
  const states = await fanOut(targets, (camera) => client.cameraStatus(camera.serial));
  return {
    rig: client.rigLabel,
    version,
    cameras: states.map((s) =>
      s.ok
        ? {
            serial: s.target.serial,
            name: s.target.name,
            recording: isRecordingStatus(s.value),
            copying: isCopyingStatus(s.value),
            exporting: isExportingStatus(s.value),
            status: s.value,
          }
        : { serial: s.target.serial, name: s.target.name, error: s.error },
    ),
  };
}

export function registerStatusCommand(program: Command, ctx: CommandContext): void {
  addConnectionFlags(
    program
      .command('status')
      .description("the rig's version, its cameras, and whether each records, copies or exports")
      .option('--serial <serial>', 'only this camera'),
  ).action(async (flags: ConnectionFlags & { serial?: string }) => {
    await withRig(ctx, flags, (client) => rigStatus(client, flags.serial));
  });
}
