/**
 * Tells when another program reads the same image stream. PUSH deals frames round-robin,
 * so with k readers each sees every k-th frame: the gaps between the frame numbers that
 * arrive settle on one value k >= 2, where a slow network or rig gives irregular gaps.
 */
export class ReaderShare {
  private readonly gaps: number[] = [];

  constructor(
    private readonly window = 30,
    private readonly minGaps = 12,
  ) {}

  add(gap: number): void {
    this.gaps.push(gap);
    if (this.gaps.length > this.window) this.gaps.shift();
  }

  reset(): void {
    this.gaps.length = 0;
  }

  /** The number of readers sharing the stream (2 or more), or null when the gaps do not show one. */
  readers(): number | null {
    if (this.gaps.length < this.minGaps) return null;
    const counts = new Map<number, number>();
    for (const g of this.gaps) counts.set(g, (counts.get(g) ?? 0) + 1);
    let best = 0;
    let bestCount = 0;
    for (const [g, n] of counts) if (n > bestCount) [best, bestCount] = [g, n];
    return best >= 2 && bestCount >= this.gaps.length * 0.8 ? best : null;
  }
}
