/**
 * What this computer last saw on each rig of the values queued changes are compared on
 * (camera parameters, the task list), with when: the "based on" of a change queued while its
 * rig is away. Fed by every read of those values (the status monitor's schedule polls, the
 * window's and motifctl's reads) and by the outbox's own looks. Kept in the config folder so
 * motifctl and the app share it; a cache only: a damaged file is started afresh.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { normalizeEndpoint } from '../motif-api/operation-paths';
import { parseWire, stringifyWire, type WireValue } from '../python-json';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';
import { withFileLock } from '../files/file-lock';
import { alsoSeen, sameValue, seenValue } from './outbox-basis';

export const LAST_SEEN_FILE_NAME = 'last-seen.json';

// parseWire made the values from JSON text, so they are wire values already: checking them again, deeply, would cost most of a read.
const Seen = z.object({ value: z.custom<WireValue>(() => true), seenAtMs: z.number() });
export type Seen = z.infer<typeof Seen>;
const SeenFile = z.object({ version: z.literal(1), rigs: z.record(z.string(), z.record(z.string(), Seen)) });
type SeenFile = z.infer<typeof SeenFile>;

/** A value seen again unchanged is written again only this long after: polls every second must not rewrite the file. */
const REFRESH_MS = 5 * 60_000;
/** What is seen within this long goes to the file in one write (a poll round over many rigs). */
const FLUSH_AFTER_MS = 1000;

export class LastSeen {
  readonly path: string;
  /** Seen and not written yet, by rig then read. */
  readonly #pending = new Map<string, Map<string, Seen>>();
  /** What this process last wrote, by "rig\nread". */
  readonly #written = new Map<string, Seen>();
  #flushing: Promise<void> = Promise.resolve();
  #flushQueued = false;

  constructor(configDir: string, private readonly onError: (e: unknown) => void = () => {}) {
    this.path = join(configDir, LAST_SEEN_FILE_NAME);
  }

  /** A read's answer, as seen now; reads no change is compared on are ignored. */
  record(rigId: string, endpoint: string, answer: WireValue, atMs = Date.now()): void {
    const read = normalizeEndpoint(endpoint);
    const value = seenValue(read, answer);
    if (value !== undefined) this.set(rigId, read, value, atMs);
  }

  /** What `read` shows on the rig as of `atMs` (already in the form `seenValue` gives), and what that tells of other reads. */
  set(rigId: string, read: string, value: WireValue, atMs = Date.now()): void {
    this.#set(rigId, read, value, atMs);
    for (const [other, v] of alsoSeen(read, value)) this.#set(rigId, other, v, atMs);
  }

  #set(rigId: string, read: string, value: WireValue, atMs: number): void {
    const key = `${rigId}\n${read}`;
    const last = this.#written.get(key);
    if (last && sameValue(last.value, value) && atMs - last.seenAtMs < REFRESH_MS) return;
    const seen = { value, seenAtMs: atMs };
    this.#written.set(key, seen);
    const rig = this.#pending.get(rigId) ?? new Map<string, Seen>();
    rig.set(read, seen);
    this.#pending.set(rigId, rig);
    this.#queueFlush();
  }

  /** What was last seen of `read` on the rig, by any process on this config folder. */
  async get(rigId: string, read: string): Promise<Seen | undefined> {
    await this.flush();
    return (await this.#readFile()).rigs[rigId]?.[normalizeEndpoint(read)];
  }

  /** Wait until everything seen so far is in the file. */
  async flush(): Promise<void> {
    await this.#flushing;
    if (this.#pending.size > 0) await this.#write();
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    const timer = setTimeout(() => {
      this.#flushing = this.#flushing.then(() => this.#write());
    }, FLUSH_AFTER_MS);
    // Never keeps a process alive: `flush` (the outbox's close, motifctl's end) writes what waits.
    timer.unref();
  }

  async #write(): Promise<void> {
    this.#flushQueued = false;
    if (this.#pending.size === 0) return;
    const pending = new Map(this.#pending);
    this.#pending.clear();
    try {
      await withFileLock(this.path, async () => {
        const file = await this.#readFile();
        for (const [rigId, reads] of pending) {
          const rig = (file.rigs[rigId] ??= {});
          // Another process may have seen it later: the newer sighting stays.
          for (const [read, seen] of reads) if ((rig[read]?.seenAtMs ?? -Infinity) <= seen.seenAtMs) rig[read] = seen;
        }
        await writeFileAtomic(this.path, stringifyWire(file));
      });
    } catch (e) {
      this.onError(e);
    }
  }

  async #readFile(): Promise<SeenFile> {
    const text = await readFileIfExists(this.path).catch(() => undefined);
    if (text === undefined) return { version: 1, rigs: {} };
    try {
      const parsed = SeenFile.safeParse(parseWire(text));
      return parsed.success ? parsed.data : { version: 1, rigs: {} };
    } catch {
      return { version: 1, rigs: {} };
    }
  }
}
