/**
 * Garbage collections counted from a Node process's `--trace-gc` lines, for every isolate in
 * it (the main thread's and each worker's):
 *   [pid:0x55d0c8a0c000]   1234 ms: Mark-Compact 20.1 (35.2) -> 15.3 (36.0) MB, ...
 * Mark-Compact (and its "(reduce)" kind) is a major collection; Scavenge and Minor Mark-Sweep are minor ones.
 */
export type GcKind = 'major' | 'minor';

const LINE = /^\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: (Mark-Compact|Scavenge|Minor Mark-Sweep|Mark-Sweep)\b/;

export function gcKind(line: string): GcKind | null {
  const m = LINE.exec(line);
  if (!m) return null;
  return m[2] === 'Scavenge' || m[2] === 'Minor Mark-Sweep' ? 'minor' : 'major';
}

export interface GcCounts {
  major: number;
  minor: number;
  /** Major collections of the first isolate seen (the main thread's: it starts first), and of all others (workers). */
  majorMain: number;
  majorOthers: number;
}

/** Counts collections from lines as they come. */
export class GcTally {
  private readonly counts: GcCounts = { major: 0, minor: 0, majorMain: 0, majorOthers: 0 };
  private mainIsolate: string | null = null;

  line(text: string): void {
    const kind = gcKind(text);
    if (!kind) return;
    this.counts[kind] += 1;
    const isolate = LINE.exec(text)![1]!;
    this.mainIsolate ??= isolate;
    if (kind === 'major') this.counts[isolate === this.mainIsolate ? 'majorMain' : 'majorOthers'] += 1;
  }

  snapshot(): GcCounts {
    return { ...this.counts };
  }
}
