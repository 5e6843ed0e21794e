/**
 * The lab's record of every command sent to a rig: append-only JSON Lines in the config
 * folder, rotated by size (audit.jsonl, then audit.1.jsonl ... oldest last).
 */
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from '../../contract/requests/audit';
import { readFileIfExists } from '../files/atomic-file';
import { withFileLock } from '../files/file-lock';
import { callInWords } from '../motif-api/call-words';
import { redactedWords, redactSecrets } from './audit-redact';

export const AUDIT_DIR_NAME = 'audit';
export const DEFAULT_AUDIT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_AUDIT_KEEP_FILES = 10;

export interface AuditLogOptions {
  /** The config folder; the log lives in its `audit/` folder. */
  configDir: string;
  maxFileBytes?: number;
  /** Files kept, the current one included; older ones are deleted. */
  keepFiles?: number;
  onError?: (e: unknown) => void;
}

/** Which entries to read; times in Unix ms, both ends included. */
export interface AuditQuery {
  fromMs?: number;
  toMs?: number;
  rigId?: string;
}

/** What a read found: the matching entries, and how many lines of the files could not be read at all. */
export interface AuditScan {
  entries: AuditEntry[];
  /** Lines that are not an entry (cut short by a crash, or damaged), in any file, whatever the query. */
  unreadable: number;
}

/** A command as the client saw it, before it is written down. */
export interface CommandRecord {
  rigId: string;
  rigName: string;
  endpoint: string;
  method: string;
  args: object | undefined;
  startedAtMs: number;
  durationMs: number;
  error: { code: string; message: string } | null;
  /** Values to cut out of anything written (the rig's API key). */
  secretValues?: readonly string[];
}

export class AuditLog {
  readonly dir: string;
  readonly #maxBytes: number;
  readonly #keepFiles: number;
  readonly #onError: (e: unknown) => void;
  #dirReady = false;
  #queue: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<(entry: AuditEntry) => void>();

  constructor(options: AuditLogOptions) {
    this.dir = join(options.configDir, AUDIT_DIR_NAME);
    this.#maxBytes = options.maxFileBytes ?? DEFAULT_AUDIT_MAX_BYTES;
    this.#keepFiles = Math.max(1, options.keepFiles ?? DEFAULT_AUDIT_KEEP_FILES);
    this.#onError = options.onError ?? (() => {});
  }

  get currentPath(): string {
    return this.fileAt(0);
  }

  fileAt(index: number): string {
    return join(this.dir, index === 0 ? 'audit.jsonl' : `audit.${index}.jsonl`);
  }

  /** Write one command down; resolves when it is on disk. Never rejects: a failed write goes to onError. */
  record(command: CommandRecord): Promise<void> {
    return this.append(toEntry(command));
  }

  append(entry: AuditEntry): Promise<void> {
    for (const listener of this.#listeners) listener(entry);
    const line = `${JSON.stringify(entry)}\n`;
    this.#queue = this.#queue.then(() => this.#write(line)).catch(this.#onError);
    return this.#queue;
  }

  /** Called with each entry this process writes (e.g. so alerts know a stop came from the app). */
  onEntry(listener: (entry: AuditEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Wait for every pending write. */
  flush(): Promise<void> {
    return this.#queue;
  }

  /** Matching entries, oldest first. */
  async read(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return (await this.scan(query)).entries;
  }

  /** Matching entries, oldest first, and the count of lines that are no entry. */
  async scan(query: AuditQuery = {}): Promise<AuditScan> {
    await this.flush();
    const entries: AuditEntry[] = [];
    let unreadable = 0;
    for (let i = await this.#lastIndex(); i >= 0; i--) {
      const text = await readFileIfExists(this.fileAt(i));
      if (!text) continue;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const entry = parseLine(line);
        if (entry === null) unreadable++; // cut short by a crash, or damaged
        else if (matches(entry, query)) entries.push(entry);
      }
    }
    return { entries, unreadable };
  }

  async #write(line: string): Promise<void> {
    if (!this.#dirReady) {
      await mkdir(this.dir, { recursive: true });
      this.#dirReady = true;
    }
    // Sizes are asked every time: motifctl and the app append to the same file.
    const size = await sizeOf(this.currentPath);
    if (size > 0 && size + Buffer.byteLength(line) > this.#maxBytes) await this.#rotateIfFull(Buffer.byteLength(line));
    const file = await open(this.currentPath, 'a+', 0o600);
    try {
      // A line cut short by a crash (of any process) must not swallow this one.
      const { size: now } = await file.stat();
      const torn = now > 0 && !(await endsWithNewline(file, now));
      await file.write(torn ? `\n${line}` : line);
    } finally {
      await file.close();
    }
  }

  /**
   * Rotate holding the log's lock, after looking at the size again: another process
   * (motifctl, a second window) may have rotated it a moment ago.
   */
  async #rotateIfFull(bytes: number): Promise<void> {
    await withFileLock(this.currentPath, async () => {
      const size = await sizeOf(this.currentPath);
      if (size > 0 && size + bytes > this.#maxBytes) await this.#rotate();
    });
  }

  async #rotate(): Promise<void> {
    await rm(this.fileAt(this.#keepFiles - 1), { force: true });
    for (let i = this.#keepFiles - 2; i >= 0; i--) {
      await rename(this.fileAt(i), this.fileAt(i + 1)).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
  }

  async #lastIndex(): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let last = 0;
    for (const n of names) {
      const m = /^audit\.(\d+)\.jsonl$/.exec(n);
      if (m) last = Math.max(last, Number(m[1]));
    }
    return last;
  }
}

export function toEntry(c: CommandRecord): AuditEntry {
  const redacted = redactSecrets(c.args ?? {}, c.secretValues);
  const args = redacted !== null && typeof redacted === 'object' && !Array.isArray(redacted) ? (redacted as Record<string, unknown>) : {};
  return {
    at: new Date(c.startedAtMs).toISOString(),
    rigId: c.rigId,
    rigName: c.rigName,
    endpoint: c.endpoint,
    method: c.method,
    args,
    words: redactedWords((a) => callInWords(c.endpoint, a), c.args, c.secretValues),
    outcome: c.error ? 'error' : 'ok',
    errorCode: c.error?.code ?? null,
    errorMessage: c.error ? String(redactSecrets(c.error.message, c.secretValues)) : null,
    durationMs: Math.round(c.durationMs * 10) / 10,
  };
}

/** One stored line as an entry, or null when it is none (torn, damaged, not an object of the entry's fields). */
function parseLine(line: string): AuditEntry | null {
  let stored: unknown;
  try {
    stored = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isStoredEntry(stored)) return null;
  try {
    // Lines written before entries carried words get them from the table now.
    return { ...stored, words: stored.words ?? callInWords(stored.endpoint, stored.args) };
  } catch {
    return null;
  }
}

const STRING_FIELDS = ['at', 'rigId', 'rigName', 'endpoint', 'method'] as const;

function isStoredEntry(v: unknown): v is Omit<AuditEntry, 'words'> & { words?: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const e = v as Record<string, unknown>;
  const isObject = (x: unknown) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const isTextOrNull = (x: unknown) => x === null || typeof x === 'string';
  return (
    STRING_FIELDS.every((k) => typeof e[k] === 'string') &&
    isObject(e.args) &&
    (e.outcome === 'ok' || e.outcome === 'error') &&
    isTextOrNull(e.errorCode) &&
    isTextOrNull(e.errorMessage) &&
    typeof e.durationMs === 'number' &&
    (e.words === undefined || typeof e.words === 'string')
  );
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return 0;
      throw e;
    },
  );
}

async function endsWithNewline(file: FileHandle, size: number): Promise<boolean> {
  const last = Buffer.alloc(1);
  const { bytesRead } = await file.read(last, 0, 1, size - 1);
  return bytesRead === 0 || last[0] === 0x0a;
}

function matches(e: AuditEntry, q: AuditQuery): boolean {
  if (q.rigId !== undefined && e.rigId !== q.rigId) return false;
  if (q.fromMs === undefined && q.toMs === undefined) return true;
  const t = Date.parse(e.at);
  return (q.fromMs === undefined || t >= q.fromMs) && (q.toMs === undefined || t <= q.toMs);
}
