import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NoticeBoard } from '../notice-board';
import { migrateConfig, schemaVersionOf, shapeProblem } from './config-migrations';
import { CONFIG_FILE_MODE, MemoryStore, type ConfigData, type KeyValueStore, type StoreFactory } from './conf-store-factory';
import { CoreError } from '../errors';
import { withFileLockSync } from '../files/file-lock';
import { CONFIG_SCHEMA_VERSION, confSchema, StoredConfig } from './rig-schema';

export const CONFIG_NAME = 'config';

export interface ConfigFileOptions {
  configDir: string;
  factory: StoreFactory;
  notices: NoticeBoard;
  now?: () => Date;
}

/**
 * The app's config file behind a conf-like store, kept safe: old shapes are migrated (the
 * original kept beside it), a file that cannot be read is moved aside with a timestamp and
 * the user told, and nothing is ever silently emptied. The app, browser mode and motifctl
 * share it: every change is read, made and written holding the file's lock.
 */
export class ConfigFile {
  readonly path: string;
  readonly #options: ConfigFileOptions;
  #store: KeyValueStore;
  /** Inside the file's lock now (it is taken once, however deep the calls go). */
  #lockDepth = 0;
  /** The last parse and the version of the file it came from (see readShared). */
  #shared: { version: string; data: ConfigData } | undefined;

  constructor(options: ConfigFileOptions) {
    this.#options = options;
    this.path = path.join(options.configDir, `${CONFIG_NAME}.json`);
    mkdirSync(options.configDir, { recursive: true });
    this.#store = this.#locked(() => this.#open());
  }

  /** The current rigs; a file found corrupt now is moved aside and reads as empty. */
  read(): ConfigData {
    let stored: Partial<ConfigData>;
    try {
      stored = this.#store.store;
    } catch (e) {
      if (!isInvalidFile(e)) throw configError(this.path, e);
      // Moved aside holding the lock, after a second look: another process may have dealt with it.
      stored = this.#locked(() => {
        try {
          return this.#store.store;
        } catch (again) {
          if (!isInvalidFile(again)) throw configError(this.path, again);
          this.#moveAside(describeInvalid(again));
          return {};
        }
      });
    }
    return { schemaVersion: CONFIG_SCHEMA_VERSION, rigs: stored.rigs ?? [] };
  }

  /**
   * The current rigs, parsed once per version of the file on disk: while the file is unchanged
   * a read costs a stat, not a read, a parse and a schema check (status polls of 200 rigs ask
   * for their rig's config many times a second). Shared between callers: never change it.
   */
  readShared(): Readonly<ConfigData> {
    const version = this.#version();
    if (version !== null && this.#shared?.version === version) return this.#shared.data;
    const data = this.read();
    // Kept only if the file did not change during the read.
    this.#shared = version !== null && version === this.#version() ? { version, data } : undefined;
    return data;
  }

  /** Which version of the file is on disk (an atomic write replaces it); null when there is none to trust. */
  #version(): string | null {
    if (this.#store instanceof MemoryStore) return null; // not the file on disk
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return null;
    }
  }

  /**
   * Read the rig list, change it and write it back holding the file's lock, so a change
   * another process (motifctl, a second window) made meanwhile is never overwritten.
   * `change` returns the new contents, or undefined to write nothing; what is on disk after
   * is returned.
   */
  update(change: (current: ConfigData) => ConfigData | undefined): ConfigData {
    return this.#locked(() => {
      const current = this.read();
      const next = change(current);
      if (next === undefined) return current;
      this.write(next);
      return next;
    });
  }

  /** The current rigs, or undefined if the file cannot be read right now (never moves it aside). */
  peek(): ConfigData | undefined {
    try {
      return { schemaVersion: CONFIG_SCHEMA_VERSION, rigs: this.#store.store.rigs ?? [] };
    } catch {
      return undefined;
    }
  }

  /**
   * Calls `onChange` shortly after the file changed on disk, by this or another process
   * (the CLI). The watch does not keep the process alive.
   */
  watch(onChange: () => void, settleMs = 150): () => void {
    let timer: NodeJS.Timeout | undefined;
    const name = path.basename(this.path);
    let watcher: ReturnType<typeof watch>;
    try {
      // The folder, not the file: atomic writes replace the file, which would end a watch on it.
      watcher = watch(this.#options.configDir, { persistent: false }, (_event, file) => {
        if (file !== null && file !== name) return;
        clearTimeout(timer);
        timer = setTimeout(onChange, settleMs);
        timer.unref();
      });
    } catch {
      return () => {}; // No file watching here (a network drive): changes show on the next read.
    }
    watcher.on('error', () => watcher.close());
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  /** Replace the whole list; a change made from what was read is `update`'s job. */
  write(data: ConfigData): void {
    this.#shared = undefined;
    this.#locked(() => {
      try {
        this.#store.store = data;
      } catch (e) {
        throw configError(this.path, e);
      }
      // Whichever store wrote it (electron-store keeps the mode of a file it replaces), and a
      // file an older version left 0644: the owner's only.
      ownerOnly(this.path);
    });
  }

  #locked<T>(work: () => T): T {
    if (this.#lockDepth > 0) return work();
    return withFileLockSync(this.path, () => {
      this.#lockDepth++;
      try {
        return work();
      } finally {
        this.#lockDepth--;
      }
    });
  }

  #open(): KeyValueStore {
    const storeOptions = {
      cwd: this.#options.configDir,
      configName: CONFIG_NAME,
      schema: confSchema(),
      clearInvalidConfig: false,
      ajvOptions: { validateSchema: false },
    } as const;
    const fallback = this.#preflight();
    if (fallback) return fallback;
    try {
      return this.#options.factory(storeOptions);
    } catch (e) {
      if (!isInvalidFile(e)) return this.#memoryOnly(`it could not be opened (${errorText(e)})`);
      this.#moveAside(describeInvalid(e));
      return this.#options.factory(storeOptions);
    }
  }

  /** Checks and migrates the raw file before the store reads it; returns a store when the file must not be used. */
  #preflight(): KeyValueStore | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return this.#moveAside(`it could not be read (${errorText(e)})`) ? undefined : this.#memoryOnly(`it could not be read (${errorText(e)})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.#moveAside('it is not valid JSON');
      return undefined;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.#moveAside('it does not hold a JSON object');
      return undefined;
    }
    const data = raw as Record<string, unknown>;
    const problem = shapeProblem(data);
    if (problem) {
      this.#moveAside(problem);
      return undefined;
    }
    const version = schemaVersionOf(data);
    if (version > CONFIG_SCHEMA_VERSION) {
      return this.#memoryOnly(
        `it was written by a newer Motif Control (config version ${version}; this one reads up to ${CONFIG_SCHEMA_VERSION}). Update this app; the file was left as it is`,
      );
    }
    if (version === CONFIG_SCHEMA_VERSION) return undefined;
    let migrated: Record<string, unknown>;
    try {
      migrated = migrateConfig(data).data;
      const check = StoredConfig.safeParse(migrated);
      if (!check.success) throw new Error(check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    } catch (e) {
      this.#moveAside(`it could not be updated from config version ${version} (${errorText(e)})`);
      return undefined;
    }
    const kept = `${this.path}.v${version}-${this.#stamp()}`;
    copyFileSync(this.path, kept);
    ownerOnly(kept);
    writeAtomically(this.path, `${JSON.stringify(migrated, undefined, '\t')}\n`);
    this.#options.notices.add('info', `The rig list was updated from config version ${version} to ${CONFIG_SCHEMA_VERSION}; the old file is kept as ${kept}.`, {
      path: this.path,
      keptAs: kept,
    });
    return undefined;
  }

  /** Renames the file to `<name>.corrupt-<time>` and tells the user; false when even that failed. */
  #moveAside(reason: string): boolean {
    const base = `${this.path}.corrupt-${this.#stamp()}`;
    let aside = base;
    for (let n = 2; existsSync(aside); n++) aside = `${base}-${n}`;
    try {
      renameSync(this.path, aside);
    } catch {
      return false;
    }
    ownerOnly(aside);
    this.#options.notices.add(
      'error',
      `The rig list in ${this.path} could not be used: ${reason}. It was moved to ${aside} and the app starts with an empty rig list; ` +
        'fix that file and put it back, or import a rig export.',
      { path: this.path, movedTo: aside, reason },
    );
    return true;
  }

  #memoryOnly(reason: string): KeyValueStore {
    this.#options.notices.add(
      'error',
      `The rig list in ${this.path} is not used: ${reason}. Rigs added now are kept only until the app closes.`,
      { path: this.path, reason },
    );
    return new MemoryStore(this.path);
  }

  #stamp(): string {
    // 2026-11-25T12-00-00Z: an ISO time without milliseconds, safe in file names on every platform.
    return (this.#options.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  }
}

/** conf's messages for a file that is not JSON or breaks the schema. */
function isInvalidFile(e: unknown): boolean {
  return e instanceof SyntaxError || (e instanceof Error && e.message.startsWith('Config schema violation'));
}

function describeInvalid(e: unknown): string {
  return e instanceof SyntaxError ? 'it is not valid JSON' : `it does not match the expected format (${errorText(e)})`;
}

function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (e instanceof Error ? e.message : String(e));
}

function configError(file: string, e: unknown): CoreError {
  return new CoreError('config-error', `The rig list in ${file} could not be saved or read (${errorText(e)}).`, { path: file }, { cause: e });
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, text, { mode: CONFIG_FILE_MODE });
  renameSync(temp, file);
}

/** The file readable and writable by its owner only; a file that is not there is left so. */
function ownerOnly(file: string): void {
  try {
    if ((statSync(file).mode & 0o777) !== CONFIG_FILE_MODE) chmodSync(file, CONFIG_FILE_MODE);
  } catch {
    // gone meanwhile, or a file system without modes (Windows): nothing to tighten
  }
}
