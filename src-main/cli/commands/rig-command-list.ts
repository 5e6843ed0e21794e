import type { Command } from 'commander';
import { registerOperationCommands } from '../rig/operation-commands';
import { registerCallCommand } from './call';
import { EXIT_CODES_HELP, type CommandContext } from './command-context';
import { registerStatusCommand } from './status';
import { registerTrustCommand } from './trust';

/** Every command that talks to a rig: the operation table's commands, plus status, call and trust. */
export function registerRigCommands(program: Command, ctx: CommandContext): void {
  registerStatusCommand(program, ctx);
  registerCallCommand(program, ctx);
  registerOperationCommands(program, ctx);
  registerTrustCommand(program, ctx);
  program.addHelpText(
    'after',
    `\nConnection: --rig NAME (from "motifctl rigs list", its key from the keychain; env MOTIF_RIG), or\n` +
      `--host/--port/--api-key or MOTIF_HOST (127.0.0.1), MOTIF_PORT (6083), MOTIF_API_KEY;\n` +
      `trust with --ca FILE or --fingerprint SHA256 (MOTIF_CA, MOTIF_FINGERPRINT).\n${EXIT_CODES_HELP}`,
  );
}
