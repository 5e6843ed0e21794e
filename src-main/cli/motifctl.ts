/** motifctl entry point: the core in a terminal. The logic lives in program.ts. */
import { runCli } from './program';

async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    env: process.env,
  });
}

void main();
