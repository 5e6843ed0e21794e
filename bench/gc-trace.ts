/**
 * Garbage collections counted from a Node process's `--trace-gc` lines, for every isolate in
 * it (the main thread's and each worker's):
 *   [pid:0x55d0c8a0c000]   1234 ms: Mark-Compact 20.1 (35.2) -> 15.3 (36.0) MB, ...
 * Mark-Compact (and its "(reduce)" kind) is a major collection; Scavenge and Minor Mark-Sweep are minor ones.
 */
export type GcKind = 'major' | 'minor';

export function gcKind(line: string): GcKind | null {
  const m = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: (Mark-Compact|Scavenge|Minor Mark-Sweep|Mark-Sweep)\b/.exec(line);
  if (!m) return null;
  return m[1] === 'Scavenge' || m[1] === 'Minor Mark-Sweep' ? 'minor' : 'major';
}

/** Counts collections from lines as they come. */
export class GcTally {
  major = 0;
  minor = 0;

  line(text: string): void {
    const kind = gcKind(text);
    if (kind) this[kind] += 1;
  }

  snapshot(): { major: number; minor: number } {
    return { major: this.major, minor: this.minor };
  }
}
