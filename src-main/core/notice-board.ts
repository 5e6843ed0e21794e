import { randomUUID } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import { asideName } from './files/aside-name';
import { readFileIfExists, writeFileAtomic } from './files/atomic-file';
import { withFileLock } from './files/file-lock';
import { MAX_NOTICES_FILE_BYTES, oldestFirstOnce, parseNotices, type KeptNotices, type Notice, type ParsedNotices } from './notices-file';

export type { Notice } from './notices-file';

/** What an alert says beyond its level and message: the rig and camera it is about, what to do, its episode. */
export type NoticeAbout = Pick<Notice, 'rigId' | 'rigName' | 'serial' | 'advice' | 'episode' | 'details'>;

export const NOTICES_FILE_NAME = 'notices.json';

/** Dismissed ids are kept too (the newest this many), so no process brings back what another dismissed. */
const KEEP_DISMISSED = 1000;
/** The most notices shown at once; beyond it the oldest are dismissed and one notice says how many. */
export const MAX_NOTICES = 1000;
const TRIMMED_EPISODE = 'notices-trimmed';

export interface NoticeBoardOptions {
  /** Where notices are kept until dismissed; none: only for this run (the CLI). */
  file?: string;
  onError?: (e: unknown) => void;
  /** Told (for the log) when a damaged file was set aside; the board shows it as a notice too. */
  onDamage?: (message: string) => void;
  now?: () => Date;
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
    this.#trim();
    for (const listener of this.#listeners) listener({ ...notice });
    this.#changed();
    return notice;
  }

  /**
   * Keep at most MAX_NOTICES: the oldest beyond it are dismissed (so no other process brings
   * them back) and one notice says how many in all; it replaces the earlier such notice.
   */
  #trim(): void {
    const previous = this.#notices.filter((n) => n.episode === TRIMMED_EPISODE);
    const rest = this.#notices.filter((n) => n.episode !== TRIMMED_EPISODE);
    const over = rest.length - (MAX_NOTICES - 1);
    if (over <= 0) return;
    for (const n of [...previous, ...rest.slice(0, over)]) this.#dismissed.add(n.id);
    const total = previous.reduce((sum, n) => sum + (typeof n.details?.dismissed === 'number' ? n.details.dismissed : 0), over);
    const count = total === 1 ? '1 older notice was' : `${total.toLocaleString('en-US')} older notices were`;
    const said: Notice = {
      id: `notice-${randomUUID()}`,
      level: 'info',
      message: `${count} dismissed: only the newest ${MAX_NOTICES.toLocaleString('en-US')} are kept.`,
      at: this.#now().toISOString(),
      episode: TRIMMED_EPISODE,
      details: { dismissed: total },
    };
    this.#notices = [...rest.slice(over), said];
  }

  #now(): Date {
    return this.options.now?.() ?? new Date();
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
          const kept = await this.#readKept(file);
          for (const id of kept.dismissed) this.#dismissed.add(id);
          const before = JSON.stringify(this.#notices);
          const byId = new Map([...kept.notices, ...this.#notices].map((n) => [n.id, n]));
          // Said again by another run (the keychain line at each start): the first one stays.
          this.#notices = oldestFirstOnce([...byId.values()].filter((n) => !this.#dismissed.has(n.id)));
          this.#trim();
          const dismissed = [...this.#dismissed].slice(-KEEP_DISMISSED);
          await writeFileAtomic(file, JSON.stringify({ version: 1, notices: this.#notices, dismissed }, null, 1));
          if (JSON.stringify(this.#notices) !== before) for (const listener of this.#changeListeners) listener(this.list());
        }),
      )
      .catch((e: unknown) => this.options.onError?.(e));
  }

  /**
   * What the file holds; only inside its lock. A damaged file is moved aside as it was (the
   * notices it held are not lost), reported, and what could be read of it is kept.
   */
  async #readKept(file: string): Promise<KeptNotices> {
    const parsed = await readNotices(file);
    if (parsed === undefined) return { notices: [], dismissed: [] };
    if (parsed.ok) return parsed;
    const movedTo = asideName(file, this.#now());
    await rename(file, movedTo);
    const message =
      `The notices file ${file} was set aside: ${parsed.reason}. It was moved to ${movedTo}, where what it held can still be read; ` +
      `${parsed.notices.length} of its notices were kept.`;
    this.options.onDamage?.(message);
    const notice: Notice = { id: `notice-${randomUUID()}`, level: 'error', message, at: this.#now().toISOString(), details: { path: file, movedTo, reason: parsed.reason } };
    for (const listener of this.#listeners) listener({ ...notice });
    return { notices: [...parsed.notices, notice], dismissed: parsed.dismissed };
  }
}

/** The file read and checked; undefined when there is none. */
async function readNotices(file: string): Promise<ParsedNotices | undefined> {
  const size = await stat(file).then(
    (s) => s.size,
    (e: unknown) => {
      if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return undefined;
      throw e;
    },
  );
  if (size === undefined) return undefined;
  if (size > MAX_NOTICES_FILE_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    return { ok: false, reason: `it is ${mb(size)}, more than the ${mb(MAX_NOTICES_FILE_BYTES)} a list of notices may be`, notices: [], dismissed: [], lost: 0 };
  }
  const text = await readFileIfExists(file);
  return text === undefined ? undefined : parseNotices(text);
}

/** Two notices that tell the same thing about the same rig and camera. */
function sameSaying(a: Notice, b: Notice): boolean {
  return a.level === b.level && a.message === b.message && a.rigId === b.rigId && a.serial === b.serial;
}

