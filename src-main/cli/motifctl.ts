/** motifctl entry point: the core in a terminal. The logic lives in program.ts. */
import { runCli } from './program';

// `motifctl ... | head`: the reader went away; the rest of the output has nowhere to go.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    env: process.env,
  });
  process.exitCode = code;
  // The command is done and has said so: nothing left behind (a keychain call given up on, an
  // idle connection, a file watcher) may keep the terminal waiting.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

void main();
