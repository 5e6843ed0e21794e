import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { asideName } from '../files/aside-name';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';
import { withFileLock } from '../files/file-lock';
import { ActualRecording, StartVerdict } from './outcomes';

/**
 * Where the recording watcher keeps what it saw and how each planned start turned out
 * (`planned-vs-actual.json` in the config folder), so the timeline's past and the judged
 * starts outlive a restart. The app and browser mode may share the folder: every write reads
 * the file under its lock and hands it to the caller to merge first. A file that cannot be
 * read is moved aside, never overwritten.
 */

export const WATCH_FILE_NAME = 'planned-vs-actual.json';

const WatchedShape = z.object({
  version: z.literal(1),
  /** By rig id. */
  seen: z.record(z.string(), z.array(ActualRecording)),
  /** By rig id. */
  verdicts: z.record(z.string(), z.array(StartVerdict)),
});
export type Watched = Omit<z.infer<typeof WatchedShape>, 'version'>;

export interface WatchFileOptions {
  /** Told, in a sentence, when a damaged file was moved aside. */
  onDamage(message: string): void;
  now?: () => Date;
}

export class WatchFile {
  readonly path: string;
  readonly #options: WatchFileOptions;

  constructor(configDir: string, options: WatchFileOptions) {
    this.path = join(configDir, WATCH_FILE_NAME);
    this.#options = options;
  }

  /**
   * Holding the lock: reads what the file keeps (nothing when there is no file, or it was
   * damaged and moved aside), lets `merge` take it in and say what to keep, and writes that
   * when it differs.
   */
  update(merge: (kept: Watched) => Watched): Promise<void> {
    return withFileLock(this.path, async () => {
      const text = await readFileIfExists(this.path);
      const kept = text === undefined ? { seen: {}, verdicts: {} } : await this.#parseOrSetAside(text);
      const next = `${JSON.stringify({ version: 1, ...merge(kept) })}\n`;
      if (next !== text) await writeFileAtomic(this.path, next);
    });
  }

  async #parseOrSetAside(text: string): Promise<Watched> {
    let reason: string;
    try {
      const checked = WatchedShape.safeParse(JSON.parse(text));
      if (checked.success) return { seen: checked.data.seen, verdicts: checked.data.verdicts };
      const issue = checked.error.issues[0];
      reason = `it does not hold what the app saw (${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'bad shape'})`;
    } catch {
      reason = 'it is cut short or not JSON';
    }
    const aside = asideName(this.path, this.#options.now?.() ?? new Date());
    await rename(this.path, aside);
    this.#options.onDamage(
      `The record of recordings seen and planned starts judged, ${this.path}, could not be read: ${reason}. ` +
        `It was moved to ${aside}; what the app sees and judges from now on is kept in a new file.`,
    );
    return { seen: {}, verdicts: {} };
  }
}
