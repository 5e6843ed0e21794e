/**
 * The lab's record of every command sent to a rig: append-only JSON Lines in the config
 * folder, rotated by size (audit.jsonl, then audit.1.jsonl ... oldest last).
 */
import { appendFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from '../../contract/requests/audit';
import { readFileIfExists } from '../files/atomic-file';
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
  #size: number | null = null;
  #queue: Promise<void> = Promise.resolve();

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
    const line = `${JSON.stringify(entry)}\n`;
    this.#queue = this.#queue.then(() => this.#write(line)).catch(this.#onError);
    return this.#queue;
  }

  /** Wait for every pending write. */
  flush(): Promise<void> {
    return this.#queue;
  }

  /** Matching entries, oldest first. */
  async read(query: AuditQuery = {}): Promise<AuditEntry[]> {
    await this.flush();
    const out: AuditEntry[] = [];
    for (let i = await this.#lastIndex(); i >= 0; i--) {
      const text = await readFileIfExists(this.fileAt(i));
      if (!text) continue;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        let entry: AuditEntry;
        try {
          // Lines written before entries carried words get them from the table now.
          const stored = JSON.parse(line) as Omit<AuditEntry, 'words'> & { words?: string };
          entry = { ...stored, words: stored.words ?? callInWords(stored.endpoint, stored.args) };
        } catch {
          continue; // a line cut short by a crash
        }
        if (matches(entry, query)) out.push(entry);
      }
    }
    return out;
  }

  async #write(line: string): Promise<void> {
    const bytes = Buffer.byteLength(line);
    if (this.#size === null) {
      await mkdir(this.dir, { recursive: true });
      this.#size = await stat(this.currentPath).then((s) => s.size, () => 0);
    }
    if (this.#size > 0 && this.#size + bytes > this.#maxBytes) {
      await this.#rotate();
      this.#size = 0;
    }
    await appendFile(this.currentPath, line, { mode: 0o600 });
    this.#size += bytes;
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

function matches(e: AuditEntry, q: AuditQuery): boolean {
  if (q.rigId !== undefined && e.rigId !== q.rigId) return false;
  if (q.fromMs === undefined && q.toMs === undefined) return true;
  const t = Date.parse(e.at);
  return (q.fromMs === undefined || t >= q.fromMs) && (q.toMs === undefined || t <= q.toMs);
}
