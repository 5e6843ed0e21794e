/**
 * Who applies the outbox: of the processes sharing a config folder (the Electron app, browser
 * mode, motifctl), only the one holding this lease sends queued changes; the others only queue.
 * The lease is a lock folder (proper-lockfile) its holder keeps fresh, beside a note of the
 * holder's pid; a holder that dies stops refreshing it, and after `LOCK_STALE_MS` another
 * process takes it over.
 */
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomic } from '../files/atomic-file';
import { LOCK_STALE_MS } from '../files/file-lock';

export const OWNER_NOTE_NAME = 'outbox.owner.json';

export class OutboxLease {
  readonly #name: string;
  readonly #lockPath: string;
  readonly #notePath: string;
  #release: (() => Promise<void>) | undefined;
  #trying: Promise<boolean> | undefined;
  #closed = false;

  constructor(
    configDir: string,
    private readonly onLost: () => void = () => {},
  ) {
    this.#name = join(configDir, 'outbox.owner');
    this.#lockPath = `${this.#name}.lock`;
    this.#notePath = join(configDir, OWNER_NOTE_NAME);
  }

  get held(): boolean {
    return this.#release !== undefined;
  }

  /** True when this process holds the lease now or could take it (free, or its holder died). */
  acquire(): Promise<boolean> {
    if (this.#release) return Promise.resolve(true);
    if (this.#closed) return Promise.resolve(false);
    this.#trying ??= this.#try().finally(() => (this.#trying = undefined));
    return this.#trying;
  }

  async #try(): Promise<boolean> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.#name, {
        lockfilePath: this.#lockPath,
        realpath: false,
        stale: LOCK_STALE_MS,
        update: 1000,
        onCompromised: () => {
          // Not refreshed in time (this process stalled): another may have taken it over.
          this.#release = undefined;
          this.onLost();
        },
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ELOCKED') return false;
      throw e;
    }
    if (this.#closed) {
      await release().catch(() => {});
      return false;
    }
    this.#release = release;
    const note = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await writeFileAtomic(this.#notePath, `${JSON.stringify(note)}\n`).catch(() => {});
    return true;
  }

  /** Let go for good (at close): another process may take the outbox over at once. */
  async release(): Promise<void> {
    this.#closed = true;
    await this.letGo();
  }

  /** Let go for now (motifctl after applying what it was asked to); it may be taken again later. */
  async letGo(): Promise<void> {
    await this.#trying?.catch(() => false);
    const release = this.#release;
    this.#release = undefined;
    if (!release) return;
    await rm(this.#notePath, { force: true }).catch(() => {});
    await release().catch(() => {});
  }
}
