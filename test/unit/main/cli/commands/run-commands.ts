import { Command, CommanderError } from 'commander';
import { EXIT, type CommandContext } from '../../../../../src-main/cli/commands/command-context';
import { registerRigCommands } from '../../../../../src-main/cli/commands/rig-commands';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The rig commands in-process, on a program set up as motifctl's: output captured, no process exit. */
export async function runRigCommand(argv: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = { io: { out: (t) => (stdout += t), err: (t) => (stderr += t), env }, exitCode: 0 };
  const program = new Command('motifctl')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  registerRigCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { code: e.exitCode === 0 ? EXIT.ok : EXIT.usage, stdout, stderr };
  }
  return { code: ctx.exitCode, stdout, stderr };
}
