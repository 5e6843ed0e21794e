import Conf, { type Schema } from 'conf';
import type { z } from 'zod';
import type { StoredConfig } from './rig-schema';

/** The config file's contents. */
export type ConfigData = z.infer<typeof StoredConfig>;

/**
 * The little of conf / electron-store the core uses, so core never imports electron: the
 * shell passes an electron-store built from the same options, the CLI and tests get conf.
 * Reading `store` reads and validates the file; assigning it validates and writes atomically.
 */
export interface KeyValueStore {
  readonly path: string;
  store: Partial<ConfigData>;
}

/** Options for either library: same folder, same file name, same schema. */
export interface ConfigStoreOptions {
  cwd: string;
  /** File name without ".json" (conf's `configName`, electron-store's `name`). */
  configName: string;
  /** conf's `schema`: one JSON Schema per top-level key. */
  schema: Schema<ConfigData>;
  /** Invalid files are moved aside by ConfigFile, never silently emptied. */
  clearInvalidConfig: false;
  /**
   * The schema is zod's own output, checked against JSON Schema's meta-schema once by a test:
   * compiling the meta-schema at every start cost a third of opening the store.
   */
  ajvOptions: { validateSchema: false };
}

export type StoreFactory = (options: ConfigStoreOptions) => KeyValueStore;

/** conf: atomic writes, JSON Schema validation on every read and write; the file readable by its owner only. */
export const confStoreFactory: StoreFactory = (options) => new Conf<ConfigData>({ ...options, configFileMode: CONFIG_FILE_MODE });

/** Like every file of the config folder (outbox, audit log): the rig list describes the lab's rigs. */
export const CONFIG_FILE_MODE = 0o600;

/** Held in memory only, for when the file must not be touched (written by a newer version, unreadable). */
export class MemoryStore implements KeyValueStore {
  #data: Partial<ConfigData>;
  constructor(
    readonly path: string,
    data: Partial<ConfigData> = {},
  ) {
    this.#data = structuredClone(data);
  }
  get store(): Partial<ConfigData> {
    return structuredClone(this.#data);
  }
  set store(value: Partial<ConfigData>) {
    this.#data = structuredClone(value);
  }
}
