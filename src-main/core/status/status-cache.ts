import { join } from 'node:path';
import { z } from 'zod';
import { RigStatus } from '../../contract/requests/status';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';

export const STATUS_FILE_NAME = 'rig-status.json';
export const DEFAULT_STATUS_WRITE_INTERVAL_MS = 5000;

const StatusFile = z.object({ version: z.literal(1), savedAtMs: z.number(), rigs: z.array(RigStatus) });

/**
 * The last known status of every rig, kept in the config folder so a restarted app shows
 * each rig at once. Writes are coalesced: at most one every `writeIntervalMs`.
 */
export class StatusCache {
  readonly path: string;
  #pending: RigStatus[] | null = null;
  #timer: NodeJS.Timeout | null = null;
  #lastWriteMs = 0;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    dir: string,
    private readonly writeIntervalMs = DEFAULT_STATUS_WRITE_INTERVAL_MS,
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.path = join(dir, STATUS_FILE_NAME);
  }

  /** What the file holds; an unreadable or foreign file counts as empty (it is only a cache). */
  async load(): Promise<RigStatus[]> {
    try {
      const text = await readFileIfExists(this.path);
      if (text === undefined) return [];
      const parsed = StatusFile.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.rigs : [];
    } catch {
      return [];
    }
  }

  /** Remember `rigs` to be written within `writeIntervalMs`. */
  save(rigs: RigStatus[]): void {
    this.#pending = rigs;
    if (this.#timer) return;
    const waitMs = Math.max(0, this.#lastWriteMs + this.writeIntervalMs - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#writeNow();
    }, waitMs);
    this.#timer.unref();
  }

  /** Write what is pending now (on close). */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    await this.#writeNow();
  }

  #writeNow(): Promise<void> {
    const rigs = this.#pending;
    if (!rigs) return this.#writing;
    this.#pending = null;
    this.#lastWriteMs = Date.now();
    const text = JSON.stringify({ version: 1, savedAtMs: this.#lastWriteMs, rigs });
    this.#writing = this.#writing.then(() => writeFileAtomic(this.path, text)).catch(this.onError);
    return this.#writing;
  }
}
