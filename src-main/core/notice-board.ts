import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppNotice } from '../contract/requests/app';
import { readFileIfExists, writeFileAtomic } from './files/atomic-file';
import { withFileLock } from './files/file-lock';

export type Notice = AppNotice;

/** What an alert says beyond its level and message: the rig and camera it is about, what to do, its episode. */
export type NoticeAbout = Pick<Notice, 'rigId' | 'rigName' | 'serial' | 'advice' | 'episode' | 'details'>;

export const NOTICES_FILE_NAME = 'notices.json';

/** Dismissed ids are kept too (the newest this many), so no process brings back what another dismissed. */
const KEEP_DISMISSED = 1000;
const NoticesFile = z.object({ version: z.literal(1), notices: z.array(AppNotice), dismissed: z.array(z.string()) });

export interface NoticeBoardOptions {
  /** Where notices are kept until dismissed; none: only for this run (the CLI). */
  file?: string;
  onError?: (e: unknown) => void;
}

/**
 * The notices the user has not dismissed yet, for `app.notices`, the window's notices centre
 * and the CLI's stderr. With a file they outlive a restart; the app, browser mode and motifctl
 * may share the file, so each change is merged into it under its lock.
 */
export class NoticeBoard {
  #notices: Notice[] = [];
  readonly #dismissed = new Set<string>();
  readonly #listeners = new Set<(notice: Notice) => void>();
  readonly #changeListeners = new Set<(notices: Notice[]) => void>();
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: NoticeBoardOptions = {}) {}

  add(level: Notice['level'], message: string, details?: Record<string, unknown>): Notice {
    return this.raise(level, message, details !== undefined ? { details } : {});
  }

  /** A notice about a rig (and camera), with what to do; the one already shown when it says the same. */
  raise(level: Notice['level'], message: string, about: NoticeAbout = {}): Notice {
    const notice: Notice = { id: `notice-${randomUUID()}`, level, message, at: new Date().toISOString() };
    for (const [k, v] of Object.entries(about)) if (v !== undefined) Object.assign(notice, { [k]: v });
    const shown = this.#notices.find((n) => sameSaying(n, notice));
    if (shown) return { ...shown };
    this.#notices.push(notice);
    for (const listener of this.#listeners) listener({ ...notice });
    this.#changed();
    return notice;
  }

  /** Dismiss one notice; false when there is none with that id. */
  async dismiss(id: string): Promise<boolean> {
    if (!this.#notices.some((n) => n.id === id)) return false;
    this.#dismissed.add(id);
    this.#notices = this.#notices.filter((n) => n.id !== id);
    this.#changed();
    await this.#writing;
    return true;
  }

  list(): Notice[] {
    return this.#notices.map((n) => ({ ...n }));
  }

  /** Take in the notices kept from earlier runs (and other processes). */
  async load(): Promise<void> {
    if (!this.options.file) return;
    this.#write();
    await this.#writing;
  }

  /** Called with each notice raised in this process. */
  onNotice(listener: (notice: Notice) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Called with the notices left after any was raised, dismissed or read from the file. */
  onChange(listener: (notices: Notice[]) => void): () => void {
    this.#changeListeners.add(listener);
    return () => {
      this.#changeListeners.delete(listener);
    };
  }

  /** Wait for the file to hold every change made so far. */
  flush(): Promise<void> {
    return this.#writing;
  }

  #changed(): void {
    const notices = this.list();
    for (const listener of this.#changeListeners) listener(notices);
    this.#write();
  }

  #write(): void {
    const file = this.options.file;
    if (!file) return;
    this.#writing = this.#writing
      .then(() =>
        withFileLock(file, async () => {
          const kept = await readKept(file);
          for (const id of kept.dismissed) this.#dismissed.add(id);
          const before = JSON.stringify(this.#notices);
          const byId = new Map([...kept.notices, ...this.#notices].map((n) => [n.id, n]));
          const merged = [...byId.values()].filter((n) => !this.#dismissed.has(n.id)).sort((a, b) => a.at.localeCompare(b.at));
          // Said again by another run (the keychain line at each start): the first one stays.
          this.#notices = merged.filter((n, i) => !merged.slice(0, i).some((earlier) => sameSaying(earlier, n)));
          const dismissed = [...this.#dismissed].slice(-KEEP_DISMISSED);
          await writeFileAtomic(file, JSON.stringify({ version: 1, notices: this.#notices, dismissed }, null, 1));
          if (JSON.stringify(this.#notices) !== before) for (const listener of this.#changeListeners) listener(this.list());
        }),
      )
      .catch((e: unknown) => this.options.onError?.(e));
  }
}

/** Two notices that tell the same thing about the same rig and camera. */
function sameSaying(a: Notice, b: Notice): boolean {
  return a.level === b.level && a.message === b.message && a.rigId === b.rigId && a.serial === b.serial;
}

/** What the file holds; a damaged file counts as empty (it is rewritten whole with what this process knows). */
async function readKept(file: string): Promise<z.infer<typeof NoticesFile>> {
  const none = { version: 1 as const, notices: [], dismissed: [] };
  try {
    const text = await readFileIfExists(file);
    if (text === undefined) return none;
    const parsed = NoticesFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : none;
  } catch {
    return none;
  }
}
