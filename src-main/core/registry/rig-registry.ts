import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import type { RecordingPreset, RigTrust, RigTrustInput } from '../../contract/requests/rigs';
import type { ConfigFile } from './config-file';
import { CoreError } from '../errors';
import { findAddressClash, findNameClash, rigNameKey as nameKey, type RigClash } from '../../../src-shared/rig-identity';
import {
  checkHost,
  checkPort,
  checkPreset,
  checkRigName,
  checkTags,
  checkTrust,
  CONFIG_SCHEMA_VERSION,
  type StoredRig,
} from './rig-schema';

export type { RecordingPreset } from '../../contract/requests/rigs';
/** A configured rig, as stored (never with its key). */
export type RigConfig = z.infer<typeof StoredRig>;
export type RigTrustConfig = RigTrust;

/** A rig as a user describes it; checked and normalised by the registry. */
export interface RigInput {
  name: string;
  host: string;
  port?: number | string;
  trust?: z.infer<typeof RigTrustInput> | null;
  tags?: readonly string[];
  notes?: string;
  preset?: RecordingPreset;
  simulated?: boolean;
}
export type RigPatch = Partial<RigInput>;

type RigFields = Omit<RigConfig, 'id' | 'createdAt'>;

/**
 * The lab's rigs, kept in the shared config file: every read looks at the file (and parses it
 * again only when it changed), so a rig added by the CLI shows up in the app (and the other
 * way round).
 */
export class RigRegistry {
  readonly #file: ConfigFile;
  readonly #listeners = new Set<(rigs: RigConfig[]) => void>();
  readonly #resolvePath: (p: string) => string;
  /** The list listeners last heard about, so a change is told once whoever made it. */
  #lastTold: string | undefined;

  constructor(file: ConfigFile, options: { resolvePath?: (p: string) => string } = {}) {
    this.#file = file;
    this.#resolvePath = options.resolvePath ?? ((p) => path.resolve(p));
  }

  get configPath(): string {
    return this.#file.path;
  }

  list(): RigConfig[] {
    return structuredClone(this.#file.readShared().rigs);
  }

  get(id: string): RigConfig | undefined {
    return copyOf(this.#file.readShared().rigs.find((r) => r.id === id));
  }

  /** Names are matched without regard to case or surrounding spaces. */
  findByName(name: string): RigConfig | undefined {
    const key = nameKey(name);
    return copyOf(this.#file.readShared().rigs.find((r) => nameKey(r.name) === key));
  }

  /** `input` checked and normalised; throws CoreError('invalid-args') with a sentence. */
  check(input: RigInput): RigFields {
    return {
      name: checkRigName(input.name),
      host: checkHost(input.host),
      port: checkPort(input.port),
      trust: checkTrust(input.trust, this.#resolvePath),
      tags: checkTags(input.tags),
      notes: input.notes ?? '',
      preset: checkPreset(input.preset),
      simulated: input.simulated ?? false,
    };
  }

  add(input: RigInput): RigConfig {
    const fields = this.check(input);
    const rig: RigConfig = { id: randomUUID(), ...fields, createdAt: new Date().toISOString() };
    this.#change((rigs) => {
      refuseClash(findNameClash(rigs, fields) ?? findAddressClash(rigs, fields));
      return [...rigs, rig];
    });
    return rig;
  }

  update(id: string, patch: RigPatch): RigConfig {
    let rig: RigConfig | undefined;
    this.#change((rigs) => {
      const index = rigs.findIndex((r) => r.id === id);
      const current = rigs[index];
      if (!current) throw notFound(id);
      const fields = this.check({ ...current, ...definedOnly(patch) });
      // Only a changed address is checked: entries saved before addresses were checked stay editable.
      const addressKept = fields.host === current.host && fields.port === current.port;
      refuseClash(findNameClash(rigs, { ...fields, id }) ?? (addressKept ? null : findAddressClash(rigs, { ...fields, id })));
      const changed: RigConfig = { ...current, ...fields };
      rig = changed;
      return rigs.map((r, i) => (i === index ? changed : r));
    });
    return rig!;
  }

  remove(id: string): void {
    this.#change((rigs) => {
      if (!rigs.some((r) => r.id === id)) throw notFound(id);
      return rigs.filter((r) => r.id !== id);
    });
  }

  /**
   * Adds rigs whose names are new and updates those that exist, in one write and one
   * change event. Inputs must pass `check` (import does that entry by entry first).
   */
  upsertByName(inputs: readonly RigInput[]): { added: RigConfig[]; updated: RigConfig[]; unchanged: RigConfig[] } {
    let result = { added: [] as RigConfig[], updated: [] as RigConfig[], unchanged: [] as RigConfig[] };
    this.#change((current) => {
      result = this.#upsert(current, inputs);
      return result.added.length + result.updated.length > 0 ? current : undefined;
    });
    return result;
  }

  /** Adds and updates in `rigs` itself. */
  #upsert(rigs: RigConfig[], inputs: readonly RigInput[]): { added: RigConfig[]; updated: RigConfig[]; unchanged: RigConfig[] } {
    const result = { added: [] as RigConfig[], updated: [] as RigConfig[], unchanged: [] as RigConfig[] };
    const now = new Date().toISOString();
    for (const input of inputs) {
      const fields = this.check(input);
      const index = rigs.findIndex((r) => nameKey(r.name) === nameKey(fields.name));
      const current = rigs[index];
      if (!current) {
        const rig: RigConfig = { id: randomUUID(), ...fields, createdAt: now };
        rigs.push(rig);
        result.added.push(rig);
        continue;
      }
      const rig: RigConfig = { ...current, ...fields };
      if (JSON.stringify(rig) === JSON.stringify(current)) {
        result.unchanged.push(current);
      } else {
        rigs[index] = rig;
        result.updated.push(rig);
      }
    }
    return result;
  }

  onChange(listener: (rigs: RigConfig[]) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Tells listeners about changes other processes (the CLI, another window) make to the file. */
  watchFile(): () => void {
    this.#lastTold = JSON.stringify(this.list());
    return this.#file.watch(() => {
      // A file caught mid-edit is left alone here; the next real read deals with it.
      const rigs = this.#file.peek()?.rigs;
      if (rigs) this.#tell(rigs);
    });
  }

  /**
   * Change the list as it is on disk now, holding the file's lock (motifctl or another window
   * may have changed it since this process last read it); `change` returns the new list, or
   * undefined to leave it, and may throw to refuse.
   */
  #change(change: (rigs: RigConfig[]) => RigConfig[] | undefined): void {
    const saved = this.#file.update((current) => {
      const rigs = change(current.rigs);
      return rigs === undefined ? undefined : { schemaVersion: CONFIG_SCHEMA_VERSION, rigs };
    });
    this.#tell(saved.rigs);
  }

  #tell(rigs: RigConfig[]): void {
    const json = JSON.stringify(rigs);
    if (json === this.#lastTold) return;
    this.#lastTold = json;
    for (const listener of this.#listeners) {
      try {
        listener(rigs.map((r) => structuredClone(r)));
      } catch {
        // A failing listener must not undo a saved change or starve the others.
      }
    }
  }
}

function refuseClash(clash: RigClash | null): void {
  if (clash) throw new CoreError('invalid-args', clash.message, { field: clash.field });
}

function notFound(id: string): CoreError {
  return new CoreError('not-found', `There is no rig with id ${id}; it may have been removed.`, { rigId: id });
}

/** `undefined` in a patch means "leave as it is", not "clear". */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The caller's own copy: the file's parse is shared. */
const copyOf = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : structuredClone(value));
