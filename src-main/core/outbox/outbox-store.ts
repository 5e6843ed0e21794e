/** The outbox file: every rig's queued changes in order, in the config folder, replaced atomically. */
import { join } from 'node:path';
import { z } from 'zod';
import { OutboxEntry } from '../../contract/requests/outbox';
import { parseWire, stringifyWire } from '../python-json';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';

export const OUTBOX_FILE_NAME = 'outbox.json';

/** As kept on disk: the arguments exactly as they will be sent (wire JSON keeps ±Infinity). */
export type StoredEntry = Omit<OutboxEntry, 'words'>;

const OutboxFile = z.object({ version: z.literal(1), entries: z.array(OutboxEntry.omit({ words: true })) });

export class OutboxStore {
  readonly path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(configDir: string) {
    this.path = join(configDir, OUTBOX_FILE_NAME);
  }

  async read(): Promise<StoredEntry[]> {
    const text = await readFileIfExists(this.path);
    if (text === undefined) return [];
    const parsed = OutboxFile.safeParse(parseWire(text));
    if (!parsed.success) throw new Error(`The outbox file ${this.path} is not readable: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`);
    return parsed.data.entries;
  }

  /**
   * Read, change, write, one change at a time. The file is read afresh each time, so a
   * change made by another process (motifctl) between two updates is kept.
   */
  update<T>(change: (entries: StoredEntry[]) => T): Promise<{ result: T; entries: StoredEntry[] }> {
    const run = async () => {
      const entries = await this.read();
      const result = change(entries);
      await writeFileAtomic(this.path, stringifyWire({ version: 1, entries }));
      return { result, entries };
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
