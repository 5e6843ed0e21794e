import { createHash, randomInt } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CoreError } from '../errors';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';
import { withFileLock } from '../files/file-lock';
import { parseWire, stringifyWire } from '../python-json';
import { protocolSlug, usesJitter } from './compile';
import { Protocol, protocolProblems } from './model';
import { AppliedRecord } from './applied-record';
import { issueWords } from '../issue-words';

/**
 * Named protocols in the config folder (`protocols/<slug>.json`, one file each), and which
 * protocol and revision each rig carries (`protocols-applied.json`), so drift can be told.
 * Nothing is replaced without being asked; a file that cannot be read is reported, not dropped.
 */

const AppliedFile = z.object({ version: z.literal(1), applied: z.array(AppliedRecord) });

export interface SavedProtocol {
  protocol: Protocol;
  revision: string;
  file: string;
}

/** A short fingerprint of the protocol's content: what "version" a rig carries. */
export function revisionOf(p: Protocol): string {
  return createHash('sha256').update(stringifyWire(p)).digest('hex').slice(0, 12);
}

/** A protocol from a file's text, every problem in words. */
export function readProtocolText(text: string, source: string): Protocol {
  let raw: unknown;
  try {
    raw = parseWire(text);
  } catch (e) {
    throw new CoreError('invalid-args', `${source} is not JSON: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const checked = Protocol.safeParse(raw, { error: issueWords });
  if (!checked.success) throw new CoreError('invalid-args', `${source} is not a valid protocol: ${protocolProblems(checked.error).join(' ')}`, { problems: protocolProblems(checked.error) });
  return checked.data;
}

/** Jitter is drawn from a seed recorded with the protocol, so every later compile gives the same tasks. */
export function withRecordedSeed(p: Protocol): Protocol {
  return usesJitter(p) && p.seed === undefined ? { ...p, seed: randomInt(0, 2 ** 31 - 1) } : p;
}

export class ProtocolStore {
  readonly dir: string;
  readonly appliedPath: string;
  #updates: Promise<void> = Promise.resolve();

  constructor(configDir: string) {
    this.dir = path.join(configDir, 'protocols');
    this.appliedPath = path.join(configDir, 'protocols-applied.json');
  }

  fileOf(name: string): string {
    return path.join(this.dir, `${protocolSlug(name)}.json`);
  }

  async list(): Promise<{ saved: SavedProtocol[]; problems: string[] }> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.json')).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { saved: [], problems: [] };
      throw e;
    }
    const saved: SavedProtocol[] = [];
    const problems: string[] = [];
    for (const f of files) {
      const file = path.join(this.dir, f);
      try {
        const protocol = readProtocolText((await readFileIfExists(file)) ?? '', file);
        saved.push({ protocol, revision: revisionOf(protocol), file });
      } catch (e) {
        problems.push(e instanceof Error ? e.message : String(e));
      }
    }
    return { saved, problems };
  }

  async get(name: string): Promise<SavedProtocol | undefined> {
    const file = this.fileOf(name);
    const text = await readFileIfExists(file);
    if (text === undefined) return undefined;
    const protocol = readProtocolText(text, file);
    return { protocol, revision: revisionOf(protocol), file };
  }

  /** Saves under its name; a different protocol already saved under that name (or its file) is kept unless `replace`. */
  async save(input: Protocol, replace = false): Promise<SavedProtocol> {
    const protocol = withRecordedSeed(input);
    const file = this.fileOf(protocol.name);
    const existing = await readFileIfExists(file);
    if (existing !== undefined && !replace) {
      let same = false;
      try {
        const old = readProtocolText(existing, file);
        same = old.name === protocol.name && revisionOf(old) === revisionOf(protocol);
      } catch {
        // An unreadable file is not replaced silently either.
      }
      if (!same) throw new CoreError('already-exists', `A protocol is already saved as ${file}: replace it, or give this one another name.`);
    }
    await writeFileAtomic(file, `${JSON.stringify(protocol, null, 2)}\n`);
    return { protocol, revision: revisionOf(protocol), file };
  }

  async delete(name: string): Promise<boolean> {
    const file = this.fileOf(name);
    if ((await readFileIfExists(file)) === undefined) return false;
    await rm(file);
    return true;
  }

  async applied(): Promise<AppliedRecord[]> {
    const text = await readFileIfExists(this.appliedPath);
    if (text === undefined) return [];
    const checked = AppliedFile.safeParse(parseWire(text));
    if (!checked.success) throw new CoreError('config-error', `${this.appliedPath} cannot be read (${checked.error.issues[0]?.message ?? 'bad shape'}); move it aside to start afresh.`);
    return checked.data.applied;
  }

  /** Which protocol a rig carries: `record` replaces the rig's record of the same protocol; null forgets it. */
  setApplied(rigId: string, slug: string, record: AppliedRecord | null): Promise<void> {
    // One update at a time: rigs applied together each read, change and write the file.
    // And under the file's lock: the app and motifctl may apply to rigs at the same time.
    const run = this.#updates.then(() =>
      withFileLock(this.appliedPath, async () => {
        const others = (await this.applied()).filter((r) => !(r.rigId === rigId && r.slug === slug));
        const applied = record === null ? others : [...others, record];
        // Python-style JSON: task arguments may hold the toggle value Infinity.
        await writeFileAtomic(this.appliedPath, `${stringifyWire({ version: 1, applied })}\n`);
      }),
    );
    this.#updates = run.catch(() => undefined);
    return run;
  }
}
