import { runCli } from '../../../../../src-main/cli/program';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** motifctl in-process: the real program, output captured, no process exit. */
export async function runRigCommand(argv: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}
