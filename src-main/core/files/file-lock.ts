/**
 * One lock discipline for every file the app, browser mode and motifctl share (the rig list,
 * the outbox, the audit log's rotation): read, change and write a file only while holding its
 * lock, a `<file>.lock` folder made by proper-lockfile. A live holder keeps its lock fresh; one
 * not refreshed for `LOCK_STALE_MS` belonged to a process that died, and is taken over.
 */
import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { CoreError } from '../errors';

/** A lock not refreshed for this long is stale (its process died) and may be taken over. */
export const LOCK_STALE_MS = 5_000;
/** How often a holder refreshes its lock. */
const LOCK_UPDATE_MS = 1_000;
/** The longest wait for a lock: a stale one is taken over well before. */
const LOCK_WAIT_MS = 20_000;

export interface FileLockOptions {
  /** The lock's own path, when not `<file>.lock`. */
  lockfilePath?: string;
  waitMs?: number;
}

function lockOptions(file: string, options: FileLockOptions) {
  return {
    stale: LOCK_STALE_MS,
    update: LOCK_UPDATE_MS,
    // The file itself may not exist yet: lock its name, not its real path.
    realpath: false,
    lockfilePath: options.lockfilePath ?? `${file}.lock`,
    // A holder whose event loop stalled past the stale time lost the lock: its own
    // critical section is short and ends by itself; nothing else to undo, never a crash.
    onCompromised: () => {},
  };
}

const isHeld = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ELOCKED';
const pause = () => 5 + Math.random() * 25;

function timedOut(file: string, waitMs: number, cause: unknown): CoreError {
  return new CoreError(
    'config-error',
    `${file} stayed locked by another Motif Control process for ${Math.round(waitMs / 1000)} s; try again.`,
    { path: file },
    { cause },
  );
}

/** Run `work` holding `file`'s lock, waiting for another process to release it. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const opts = lockOptions(file, options);
  await mkdir(dirname(opts.lockfilePath), { recursive: true });
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(file, opts);
      break;
    } catch (e) {
      if (!isHeld(e)) throw e;
      if (Date.now() > deadline) throw timedOut(file, waitMs, e);
      await new Promise((r) => setTimeout(r, pause()));
    }
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** `withFileLock` for synchronous work (conf and electron-store write synchronously). */
export function withFileLockSync<T>(file: string, work: () => T, options: FileLockOptions = {}): T {
  const opts = lockOptions(file, options);
  mkdirSync(dirname(opts.lockfilePath), { recursive: true });
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(file, opts);
      break;
    } catch (e) {
      if (!isHeld(e)) throw e;
      if (Date.now() > deadline) throw timedOut(file, waitMs, e);
      Atomics.wait(sleeper, 0, 0, pause()); // a short synchronous sleep: the holder is another process
    }
  }
  try {
    return work();
  } finally {
    try {
      release();
    } catch {
      // already released (compromised): nothing left to do
    }
  }
}
