/**
 * Times next(expr, from, 100) over a fixed corpus of dense and sparse expressions, and the
 * same corpus with croner as the reference (n/a where croner cannot express the dialect).
 * Run: npx tsx bench/cron.ts. Prints figures only.
 */
import { Cron } from 'croner';
import { next, parse } from '../src-main/core/cron';

const TIME_ZONE = 'Europe/Berlin';
const FROM = new Date('2026-03-01T10:00:00Z');
const COUNT = 100;
const RUNS = 30;

// [our expression, croner's spelling of the same schedule or null]
const CORPUS: [string, string | null][] = [
  ['* * * * * *', '* * * * * *'],
  ['*/5 * * * * *', '*/5 * * * * *'],
  ['0 15,45 * ? * * *', '0 15,45 * * * * *'],
  ['0 6-16 * * * *', '0 6-16 * * * *'],
  ['0 0 9 ? * MON-FRI', '0 0 9 * * MON-FRI'],
  ['0 30 2 * * ?', '0 30 2 * * *'],
  ['0 0 12 L * ?', '0 0 12 L * *'],
  ['0 0 12 15W * ?', '0 0 12 15W * *'],
  ['0 0 12 ? * 2#3', '0 0 12 * * 2#3'],
  ['0 0 0 29 2 ?', '0 0 0 29 2 *'],
  ['0 0 0 ? 2 1#5', '0 0 0 * 2 1#5'],
  ['0 0 0 1 1 ? 2030-2099', '0 0 0 1 1 * 2030-2099'],
  ['0 0 22-2 * * *', null], // wrap-around range
  ['%2 * * ? * * *', null], // monotonic
  ['0 15%15 * ? * * *', null],
  ['0 * %2 ? * * *', null],
  ['0 0 0 %100 * ?', null],
];

function timeMs(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fmt = (ms: number | null) => (ms === null ? 'n/a' : `${ms.toFixed(3)} ms`);

// One untimed pass over the corpus for both libraries, so neither pays for JIT warm-up or
// first-touch time-zone lookups in the figures.
for (const [expression, cronerPattern] of CORPUS) {
  const parsed = parse(expression);
  if (parsed.ok) next(parsed.value, FROM, COUNT, { timeZone: TIME_ZONE });
  if (cronerPattern !== null) new Cron(cronerPattern, { timezone: TIME_ZONE, mode: '6-or-7-parts' }).nextRuns(COUNT, FROM);
}

interface Row { expression: string; ours: number[]; theirs: number[] | null; agree: string }
const rows: Row[] = [];
for (const [expression, cronerPattern] of CORPUS) {
  const parsed = parse(expression);
  if (!parsed.ok) throw new Error(`${expression}: ${parsed.error.message}`);
  const ours: number[] = [];
  let ourTimes: Date[] = [];
  for (let i = 0; i < RUNS; i++) ours.push(timeMs(() => { ourTimes = next(parsed.value, FROM, COUNT, { timeZone: TIME_ZONE }).times; }));
  let theirs: number[] | null = null;
  let agree = '';
  if (cronerPattern !== null) {
    const job = new Cron(cronerPattern, { timezone: TIME_ZONE, mode: '6-or-7-parts' });
    let theirTimes: Date[] = [];
    theirs = [];
    for (let i = 0; i < RUNS; i++) theirs.push(timeMs(() => { theirTimes = job.nextRuns(COUNT, FROM); }));
    agree = theirTimes.length === ourTimes.length && theirTimes.every((t, i) => t.getTime() === ourTimes[i]?.getTime()) ? 'same' : 'differs';
  }
  rows.push({ expression, ours, theirs, agree });
}

console.log(`next(expr, from, ${COUNT}) in ${TIME_ZONE}, ${RUNS} timed runs each after one warm-up pass (per-expression median | worst run)`);
console.log(`${'expression'.padEnd(26)} ${'ours median'.padStart(12)} ${'ours worst'.padStart(12)} ${'croner median'.padStart(14)} ${'croner worst'.padStart(13)}  times`);
for (const r of rows) {
  console.log(`${r.expression.padEnd(26)} ${fmt(median(r.ours)).padStart(12)} ${fmt(Math.max(...r.ours)).padStart(12)} ${fmt(r.theirs && median(r.theirs)).padStart(14)} ${fmt(r.theirs && Math.max(...r.theirs)).padStart(13)}  ${r.agree || 'n/a'}`);
}
const ourAll = rows.flatMap((r) => r.ours);
const comparable = rows.filter((r) => r.theirs !== null);
const theirAll = comparable.flatMap((r) => r.theirs ?? []);
const ourComparable = comparable.flatMap((r) => r.ours);
const ratio = median(theirAll) / median(ourComparable);
console.log(`\nsummary: ours median ${fmt(median(ourAll))}, worst ${fmt(Math.max(...ourAll))} (targets: < 1 ms, < 50 ms); ` +
  `on the ${comparable.length} expressions croner can express: ours median ${fmt(median(ourComparable))} vs croner ${fmt(median(theirAll))} ` +
  `(worst ${fmt(Math.max(...theirAll))}), ${ratio.toFixed(1)}x faster (target ≥ 5x)`);
