/**
 * Plans a week of the three example protocols on 50 rigs (each rig carries all three, with
 * its own output names), with the checks, and prints the time it takes. The timeline's
 * drawing figures come from the window's bench.
 * Run: npx tsx bench/protocols.ts. Prints figures only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../src-main/core/protocols/checks';
import { compileProtocol } from '../src-main/core/protocols/compile';
import { Protocol } from '../src-main/core/protocols/model';
import { fillParameters } from '../src-main/core/protocols/parameters';
import { newPlanCache, plan } from '../src-main/core/protocols/plan';
import { planTaskOfCompiled } from '../src-main/core/protocols/plan-task';

const RIGS = 50;
const RUNS = 15;
const TIME_ZONE = 'Europe/Berlin';
const FROM = new Date('2026-06-01T00:00:00+02:00');
const UNTIL = new Date('2026-06-08T00:00:00+02:00');
const EXAMPLES = ['hourly-stimulus', 'twice-daily-copy', 'minute-one-pulses'];

const protocols = EXAMPLES.map((name) =>
  Protocol.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '../examples/protocols', `${name}.json`), 'utf8'))),
);

interface Timing { compile: number; plan: number; checks: number; events: number; warnings: number }

function planAll(): Timing {
  const t: Timing = { compile: 0, plan: 0, checks: 0, events: 0, warnings: 0 };
  // One request plans all rigs, sharing the cron engine's work between rigs with the same tasks.
  const cache = newPlanCache();
  for (let r = 0; r < RIGS; r++) {
    const rig = `Rig ${r + 1}`;
    for (const p of protocols) {
      let started = performance.now();
      const filled = fillParameters(p, { output: r % 2 ? 'led' : 'ledgreen' }, rig);
      const compiled = compileProtocol(filled);
      const tasks = compiled.tasks.map(planTaskOfCompiled);
      t.compile += performance.now() - started;
      started = performance.now();
      const planned = plan({ rig, tasks, from: FROM, until: UNTIL, timeZone: TIME_ZONE, cache });
      t.plan += performance.now() - started;
      started = performance.now();
      t.warnings += checkPlan({ rig, protocol: filled, compiled, plan: planned, timeZone: TIME_ZONE, from: FROM, until: UNTIL }).length;
      t.checks += performance.now() - started;
      t.events += planned.events.length;
    }
  }
  return t;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const counted = planAll(); // warm-up, untimed
const runs: Timing[] = [];
for (let i = 0; i < RUNS; i++) runs.push(planAll());
const fmt = (pick: (t: Timing) => number) => `median ${median(runs.map(pick)).toFixed(1)} ms, worst ${Math.max(...runs.map(pick)).toFixed(1)} ms`;
console.log(`a week of ${EXAMPLES.length} protocols on ${RIGS} rigs in ${TIME_ZONE}: ${counted.events} events, ${counted.warnings} warnings; ${RUNS} runs`);
console.log(`parameters + compile: ${fmt((t) => t.compile)}`);
console.log(`plan:                 ${fmt((t) => t.plan)} (target: under 50 ms)`);
console.log(`checks:               ${fmt((t) => t.checks)}`);
