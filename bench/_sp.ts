import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]!; const cutoffMs = Number(process.argv[3]);
const f = readdirSync(dir).map((x) => `${dir}/${x}`)[0]!;
const p = JSON.parse(readFileSync(f, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[]; startTime: number };
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>(); const incl = new Map<string, number>();
let t = 0; let busy = 0;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i]!; if (t / 1000 > cutoffMs) break;
  const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
  let id: number | undefined = p.samples[i]!;
  const n0 = byId.get(id)!; const key = (n: typeof n0) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  self.set(key(n0), (self.get(key(n0)) ?? 0) + dt);
  if (n0.callFrame.functionName !== '(idle)') busy += dt;
  const seen = new Set<string>();
  while (id !== undefined) { const n = byId.get(id)!; const k = key(n); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } id = parent.get(id); }
}
console.log('busy ms', busy.toFixed(0));
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n');
console.log('SELF\n' + top(self, 25)); console.log('INCLUSIVE\n' + top(incl, 60));
