/** The outbox file: every rig's queued changes in order, in the config folder, replaced atomically. */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { OutboxEntry } from '../../contract/requests/outbox';
import { WireValueSchema } from '../motif-api/operation-table';
import { parseWire, stringifyWire } from '../python-json';
import { asideName } from '../files/aside-name';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';
import { withFileLock } from '../files/file-lock';

export const OUTBOX_FILE_NAME = 'outbox.json';

/**
 * As kept on disk: the arguments exactly as they will be sent (wire JSON keeps ±Infinity),
 * what the change was based on, and at a conflict what the rig showed instead. Entries kept
 * by earlier versions have no `basis`: they are applied as before, without a comparison.
 */
const StoredEntrySchema = OutboxEntry.omit({ words: true, heldBy: true }).extend({
  args: z.record(z.string(), WireValueSchema),
  /** By read (see outbox-basis): the value the change was based on, and when it was seen; null: never seen here. */
  basis: z.record(z.string(), z.object({ value: WireValueSchema, seenAtMs: z.number() }).nullable()).optional(),
  /** At a conflict, by read: what the rig showed; "apply anyway" bases the change on it. */
  found: z.record(z.string(), WireValueSchema).optional(),
});
export type StoredEntry = z.infer<typeof StoredEntrySchema>;
const OutboxFile = z.object({ version: z.literal(1), entries: z.array(StoredEntrySchema) });

/** A damaged outbox file that was set aside: where it went, why, and what of it was kept. */
export interface OutboxDamage {
  path: string;
  movedTo: string;
  reason: string;
  /** Entries read from it and kept in the new file. */
  kept: number;
  /** The kept entries, as "Rig 1: schedule/clear". */
  keptChanges: string[];
  /** What the entries that could not be kept were, as far as the text tells ("Rig 1: schedule/clear"). */
  lost: string[];
  /** Entries the text seemed to hold that could not be kept, when not every one could be named. */
  lostCount: number;
}

type Parsed = { ok: true; entries: StoredEntry[] } | { ok: false; reason: string; salvaged: StoredEntry[]; lost: string[]; lostCount: number };

export interface OutboxStoreOptions {
  /** Told once for each damaged file set aside. */
  onDamage?: (damage: OutboxDamage) => void;
  now?: () => Date;
}

export class OutboxStore {
  readonly path: string;
  readonly #options: OutboxStoreOptions;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(configDir: string, options: OutboxStoreOptions = {}) {
    this.path = join(configDir, OUTBOX_FILE_NAME);
    this.#options = options;
  }

  /**
   * Every entry. A damaged file (cut short, not JSON, not an outbox, an entry that is not
   * one) is set aside with a timestamped name and reported; the entries that could be read
   * are kept, and the outbox goes on from them.
   */
  async read(): Promise<StoredEntry[]> {
    const text = await readFileIfExists(this.path);
    if (text === undefined) return [];
    const parsed = parseOutbox(text);
    if (parsed.ok) return parsed.entries;
    // Set aside one at a time, reading the file again first: it may have been dealt with meanwhile.
    return this.#exclusive(() => this.#readRepairing());
  }

  /**
   * Read, change, write, one change at a time in this process and holding the file's lock
   * across processes (the app, browser mode, motifctl). The file is read afresh inside the
   * lock, so a change another process made is never overwritten. Nothing is written when the
   * change left every entry as it was.
   */
  update<T>(change: (entries: StoredEntry[]) => T): Promise<{ result: T; entries: StoredEntry[] }> {
    return this.#exclusive(async () => {
      const entries = await this.#readRepairing();
      const before = stringifyWire({ version: 1, entries });
      const result = change(entries);
      const after = stringifyWire({ version: 1, entries });
      if (after !== before) await writeFileAtomic(this.path, after);
      return { result, entries };
    });
  }

  /** Runs `work` alone: one at a time in this process, and holding the file's lock. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locked = () => withFileLock(this.path, work);
    const next = this.#queue.then(locked, locked);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The entries, setting a damaged file aside first; only inside #exclusive. */
  async #readRepairing(): Promise<StoredEntry[]> {
    const text = await readFileIfExists(this.path);
    if (text === undefined) return [];
    const parsed = parseOutbox(text);
    if (parsed.ok) return parsed.entries;
    const movedTo = asideName(this.path, this.#options.now?.() ?? new Date());
    await rename(this.path, movedTo);
    await writeFileAtomic(this.path, stringifyWire({ version: 1, entries: parsed.salvaged }));
    this.#options.onDamage?.({
      path: this.path,
      movedTo,
      reason: parsed.reason,
      kept: parsed.salvaged.length,
      keptChanges: parsed.salvaged.map((e) => `${e.rigName}: ${e.endpoint}`),
      lost: parsed.lost,
      lostCount: parsed.lostCount,
    });
    return parsed.salvaged;
  }
}

/** The file's entries, or why it cannot be used with what of it can be kept and what is lost. */
function parseOutbox(text: string): Parsed {
  let raw: unknown;
  try {
    raw = parseWire(text);
  } catch {
    const named = namedChanges(text);
    const reason = text.trimStart().startsWith('{') ? 'it is cut short or not valid JSON' : 'it is not JSON';
    return { ok: false, reason, salvaged: [], lost: named, lostCount: named.length };
  }
  const whole = OutboxFile.safeParse(raw);
  if (whole.success) return { ok: true, entries: whole.data.entries };
  const file = raw as { version?: unknown; entries?: unknown } | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file) || file.version !== 1 || !Array.isArray(file.entries)) {
    const named = namedChanges(text);
    return { ok: false, reason: 'it does not hold an outbox (version 1 with a list of entries)', salvaged: [], lost: named, lostCount: named.length };
  }
  const salvaged: StoredEntry[] = [];
  const lost: string[] = [];
  for (const candidate of file.entries) {
    const entry = StoredEntrySchema.safeParse(candidate);
    if (entry.success) salvaged.push(entry.data);
    else lost.push(...(namedChanges(JSON.stringify(candidate) ?? '').slice(0, 1)));
  }
  const lostCount = file.entries.length - salvaged.length;
  return { ok: false, reason: `${lostCount} of its ${file.entries.length} entries are not outbox entries`, salvaged, lost, lostCount };
}

/** "Rig 1: schedule/clear" for each entry whose rig name and endpoint can still be found in the text. */
function namedChanges(text: string): string[] {
  const found: string[] = [];
  const pattern = /"rigName"\s*:\s*"((?:[^"\\]|\\.)*)"[^{}]*?"endpoint"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  for (const m of text.matchAll(pattern)) found.push(`${unescape(m[1]!)}: ${unescape(m[2]!)}`);
  return found;
}

function unescape(s: string): string {
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}
