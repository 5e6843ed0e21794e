/**
 * The functions that took the most time in a V8 CPU profile (Chrome DevTools' .cpuprofile,
 * as written by `node --cpu-prof` and the DevTools protocol's Profiler): self time by
 * function and place, largest first.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export function topSelfTime(profile: CpuProfile, count = 15): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfTimeByNode(profile)) {
    const key = functionKey(byNode.get(id)!.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return largestShares(profile, byFunction, count);
}

/**
 * Inclusive time (the function and everything it called) by function name, largest first: where
 * self time is spread over a library's internals (React's), this names the caller that paid.
 */
export function topInclusiveTime(profile: CpuProfile, count = 25): string[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfTimeByNode(profile)) {
    // Each function once per sample, however often it is on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byNode.get(at)!.callFrame;
      if (!frame.functionName || frame.functionName.startsWith('(')) continue;
      const key = functionKey(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    }
  }
  return largestShares(profile, byFunction, count);
}

/** Microseconds of samples per node: a sample's time is the gap to the next sample. */
function selfTimeByNode(profile: CpuProfile): Map<number, number> {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) byNode.set(samples[i]!, (byNode.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));
  return byNode;
}

/** "name file.js:12", the same function however many nodes it has. */
function functionKey({ functionName, url, lineNumber }: CpuProfile['nodes'][number]['callFrame']): string {
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function largestShares(profile: CpuProfile, byFunction: Map<string, number>, count: number): string[] {
  const total = profile.endTime - profile.startTime;
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}
