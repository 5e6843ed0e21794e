import type { Command } from 'commander';
import { registerCallCommand } from './call';
import { EXIT_CODES_HELP, type CommandContext } from './command-context';
import { registerConfigureCommand } from './configure';
import { registerIoCommand } from './io';
import { registerMessageCommand } from './message';
import { registerMulticamCommand } from './multicam';
import { registerRecordCommand } from './record';
import { registerRecordingsCommand } from './recordings';
import { registerScheduleCommand } from './schedule';
import { registerStatusCommand } from './status';
import { registerTrustCommand } from './trust';

/** Every command that talks to a rig, registered on the motifctl program. */
export function registerRigCommands(program: Command, ctx: CommandContext): void {
  registerStatusCommand(program, ctx);
  registerCallCommand(program, ctx);
  registerRecordCommand(program, ctx);
  registerConfigureCommand(program, ctx);
  registerIoCommand(program, ctx);
  registerRecordingsCommand(program, ctx);
  registerScheduleCommand(program, ctx);
  registerMulticamCommand(program, ctx);
  registerMessageCommand(program, ctx);
  registerTrustCommand(program, ctx);
  program.addHelpText(
    'after',
    `\nConnection: --rig NAME (from "motifctl rigs list", its key from the keychain; env MOTIF_RIG), or\n` +
      `--host/--port/--api-key or MOTIF_HOST (127.0.0.1), MOTIF_PORT (6083), MOTIF_API_KEY;\n` +
      `trust with --ca FILE or --fingerprint SHA256 (MOTIF_CA, MOTIF_FINGERPRINT).\n${EXIT_CODES_HELP}`,
  );
}
