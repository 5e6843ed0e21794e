import { randomUUID } from 'node:crypto';
import { DEFAULT_PORT } from '../motif-api/motif-client';
import { normalizeFingerprint } from '../motif-api/fingerprint';
import { CONFIG_SCHEMA_VERSION } from './rig-schema';

type Json = Record<string, unknown>;

/**
 * Versioned steps over the raw config object, run before conf validates it. conf's own
 * migrations are keyed by the app's semver, which the CLI and the app need not share;
 * the file's `schemaVersion` is what says which shape it holds.
 */
const steps: Record<number, (data: Json) => Json> = {
  1: fromV0,
};

/** The version written in `data`; files from before versioning have none (0). */
export function schemaVersionOf(data: Json): number {
  const v = data.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Why `data` is not a config file of any version (a sentence), or undefined. A wrong shape is
 * damage to set aside, never an old version to "migrate" into an empty rig list.
 */
export function shapeProblem(data: Json): string | undefined {
  const v = data.schemaVersion;
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
    return `its config version (${JSON.stringify(v)}) is not a whole number`;
  }
  if ('rigs' in data) return Array.isArray(data.rigs) ? undefined : 'its rig list ("rigs") is not a list';
  // An empty file object is a rig list with nothing in it yet; anything else without one is not ours.
  const others = Object.keys(data).filter((k) => k !== 'schemaVersion');
  return others.length === 0 ? undefined : `it holds no rig list ("rigs"), only ${others.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}`;
}

/** `data` brought to the current version, step by step; throws when a step cannot read it. */
export function migrateConfig(data: Json): { data: Json; from: number; to: number } {
  const from = schemaVersionOf(data);
  let current = data;
  for (let v = from + 1; v <= CONFIG_SCHEMA_VERSION; v++) {
    const step = steps[v];
    if (!step) throw new Error(`No migration to config version ${v}.`);
    current = { ...step(current), schemaVersion: v };
  }
  return { data: current, from, to: CONFIG_SCHEMA_VERSION };
}

/**
 * Version 0 (the first prototype): `rigs: [{ name, host, port?, fingerprint?, ca?, tags?, group? }]`,
 * trust as two loose fields, a single group beside the tags, no notes, presets or ids.
 */
function fromV0(data: Json): Json {
  const rigs = Array.isArray(data.rigs) ? data.rigs : [];
  const migratedAt = new Date().toISOString();
  return {
    ...data,
    rigs: rigs.map((raw: unknown, index) => {
      if (typeof raw !== 'object' || raw === null) throw new Error(`Rig ${index + 1} is not an object.`);
      const rig = raw as Json;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const tags = Array.isArray(rig.tags) ? rig.tags.filter((t): t is string => typeof t === 'string') : [];
      const group = str(rig.group);
      const fingerprint = str(rig.fingerprint);
      const ca = str(rig.ca);
      return {
        id: str(rig.id) ?? randomUUID(),
        name: str(rig.name) ?? `Rig ${index + 1}`,
        host: str(rig.host) ?? '',
        port: typeof rig.port === 'number' ? rig.port : DEFAULT_PORT,
        trust: fingerprint
          ? { kind: 'fingerprint', sha256: normalizeFingerprint(fingerprint) }
          : ca
            ? { kind: 'ca', caPath: ca }
            : null,
        tags: [...new Set(group ? [...tags, group] : tags)],
        notes: '',
        preset: {},
        simulated: rig.simulated === true,
        createdAt: str(rig.createdAt) ?? migratedAt,
      };
    }),
  };
}
