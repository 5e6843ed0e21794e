import { z } from 'zod';
import { RigFields, type RigExportDocument, type RigImportReport } from '../../contract/requests/rigs';
import { CoreError, isCoreError } from '../errors';
import type { RigInput, RigRegistry } from './rig-registry';

const FORMAT = 'motif-control-rigs';
const FORMAT_VERSION = 1;

/** One entry as found in a file: hand-edited files may spell fingerprints loosely or leave fields out. */
const ImportEntry = z.object(RigFields);

/** The rig list for another lab PC: addresses, trust, tags, notes, presets; never keys or ids. */
export function exportRigs(registry: RigRegistry, now: Date = new Date()): RigExportDocument {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: now.toISOString(),
    rigs: registry.list().map((r) => ({
      name: r.name,
      host: r.host,
      port: r.port,
      trust: r.trust,
      tags: r.tags,
      notes: r.notes,
      preset: r.preset,
      simulated: r.simulated,
    })),
  };
}

/**
 * Adds rigs with new names and updates those with known names, entry by entry: a bad
 * entry is skipped with its reason, a bad file changes nothing, no rig is ever removed.
 */
export function importRigs(registry: RigRegistry, document: unknown, options: { dryRun?: boolean } = {}): RigImportReport {
  const entries = checkEnvelope(document);
  const skipped: RigImportReport['skipped'] = [];
  const accepted: RigInput[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const name = typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string'
      ? (entry as { name: string }).name
      : undefined;
    const parsed = ImportEntry.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ index, name, reason: `not a rig entry (${issue?.path.join('.') || 'entry'}: ${issue?.message})` });
      return;
    }
    const input: RigInput = { ...parsed.data, trust: parsed.data.trust ?? null };
    try {
      registry.check(input);
    } catch (e) {
      if (!isCoreError(e)) throw e;
      skipped.push({ index, name, reason: e.message });
      return;
    }
    const key = input.name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      skipped.push({ index, name, reason: `the file names "${input.name.trim()}" more than once; entry ${first + 1} was used` });
      return;
    }
    seen.set(key, index);
    accepted.push(input);
  });
  if (options.dryRun) {
    const added: RigImportReport['added'] = [];
    const updated: RigImportReport['updated'] = [];
    for (const input of accepted) {
      const existing = registry.findByName(input.name);
      if (existing) updated.push({ id: existing.id, name: existing.name });
      else added.push({ id: '', name: input.name.trim() });
    }
    return { added, updated, skipped };
  }
  const result = registry.upsertByName(accepted);
  for (const rig of result.unchanged) {
    skipped.push({ index: seen.get(rig.name.trim().toLowerCase()) ?? -1, name: rig.name, reason: 'already configured exactly like this' });
  }
  skipped.sort((a, b) => a.index - b.index);
  return {
    added: result.added.map((r) => ({ id: r.id, name: r.name })),
    updated: result.updated.map((r) => ({ id: r.id, name: r.name })),
    skipped,
  };
}

function checkEnvelope(document: unknown): unknown[] {
  const doc = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : undefined;
  if (!doc || doc.format !== FORMAT) {
    throw new CoreError('invalid-args', 'This is not a Motif Control rig export (its "format" is not "motif-control-rigs"). Nothing was imported.');
  }
  if (doc.formatVersion !== FORMAT_VERSION) {
    throw new CoreError(
      'invalid-args',
      `This rig export has format version ${JSON.stringify(doc.formatVersion)}; this app reads version ${FORMAT_VERSION}. Nothing was imported.`,
    );
  }
  if (!Array.isArray(doc.rigs)) throw new CoreError('invalid-args', 'This rig export has no "rigs" list. Nothing was imported.');
  return doc.rigs;
}
