/**
 * The motifctl program: one line per command family, so a new command is one import and
 * one line here. Runs in-process (tests) with any writers and returns the exit code.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, type CliIo, type CommandContext } from './commands/command-context';
import { registerAuditCommand } from './commands/audit';
import { registerCronCommand } from './commands/cron';
import { registerOutboxCommand } from './commands/outbox';
import { registerProtocolCommand } from './commands/protocol';
import { registerRigCommands } from './commands/rig-command-list';
import { registerRigsCommand } from './commands/rigs';

const commandRegistrations: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  registerCronCommand,
  registerRigCommands,
  registerRigsCommand,
  registerAuditCommand,
  registerProtocolCommand,
  (program, ctx) => registerOutboxCommand(program, ctx),
];

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('motifctl')
    .description('Control loopbio Motif recording rigs from a terminal.')
    // Set before the commands are added so every subcommand inherits them.
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.io.out(text), writeErr: (text) => ctx.io.err(text) });
  for (const register of commandRegistrations) register(program, ctx);
  return program;
}

/** Parse `argv` (without node and script) and run the command; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.ok };
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return ctx.exitCode;
}
