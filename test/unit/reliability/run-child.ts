import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CHILDREN = join(process.cwd(), 'test', 'unit', 'reliability', 'children');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child process running `script` (a file in children/, or any path) with tsx. */
export function startChild(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  options: { keepStdin?: boolean } = {},
): { child: ChildProcess; done: Promise<ChildResult> } {
  const file = script.includes('/') ? script : join(CHILDREN, script);
  // node with tsx's loader, one process (tsx's own binary runs the script in a grandchild,
  // which a SIGKILL of the child would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  if (!options.keepStdin) child.stdin!.end();
  return { child, done };
}

export function runChild(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildResult> {
  return startChild(script, args, env).done;
}

/** The last JSON line a child printed. */
export function lastJson<T>(result: ChildResult): T {
  const line = result.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  if (!line) throw new Error(`no JSON from the child (exit ${result.code}, ${result.signal}): ${result.stderr.slice(-2000)}`);
  return JSON.parse(line) as T;
}

/** A moment far enough ahead for every child to have started: they then begin at once. */
export const startTogetherAt = (children: number) => String(Date.now() + 2500 + 400 * children);

export async function waitUntil(atMs: number): Promise<void> {
  const wait = atMs - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
