/**
 * Plans a week of the three example protocols on 50 rigs (each rig carries all three, with
 * its own output names), with the checks, and prints the time it takes. Then draws that week
 * with the window's Timeline component in Debian's Chromium (a page built by Vite, served on
 * 127.0.0.1) and prints first paint, the painting time per frame and the frame times while a
 * pan is dragged with the mouse.
 * Run: npx tsx bench/protocols.ts [--plan-only]. Prints figures only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../src-main/core/protocols/checks';
import { compileProtocol } from '../src-main/core/protocols/compile';
import { Protocol } from '../src-main/core/protocols/model';
import { fillParameters } from '../src-main/core/protocols/parameters';
import { newPlanCache, plan } from '../src-main/core/protocols/plan';
import type { RigLane } from '../src-main/core/protocols/outcomes';
import { planTaskOfCompiled } from '../src-main/core/protocols/plan-task';
import { benchTimeline } from './timeline-draw';

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

/** `lanes`: when given, each rig's events and warnings are kept there, as a plan request answers them. */
function planAll(lanes?: RigLane[]): Timing {
  const t: Timing = { compile: 0, plan: 0, checks: 0, events: 0, warnings: 0 };
  // One request plans all rigs, sharing the cron engine's work between rigs with the same tasks.
  const cache = newPlanCache();
  for (let r = 0; r < RIGS; r++) {
    const rig = `Rig ${r + 1}`;
    const lane: RigLane = { rigId: `rig-${r + 1}`, rig, timeZone: TIME_ZONE, clockOffsetSeconds: 0, reachable: null, tasks: [], events: [], warnings: [] };
    lanes?.push(lane);
    for (const p of protocols) {
      let started = performance.now();
      const filled = fillParameters(p, { output: r % 2 ? 'led' : 'ledgreen' }, rig);
      const compiled = compileProtocol(filled);
      const tasks = compiled.tasks.map(planTaskOfCompiled);
      t.compile += performance.now() - started;
      started = performance.now();
      const planned = plan({ tasks, from: FROM, until: UNTIL, timeZone: TIME_ZONE, cache });
      t.plan += performance.now() - started;
      started = performance.now();
      const warnings = checkPlan({ rig, protocol: filled, compiled, plan: planned, timeZone: TIME_ZONE, from: FROM, until: UNTIL });
      t.warnings += warnings.length;
      t.checks += performance.now() - started;
      t.events += planned.events.length;
      if (lanes) {
        lane.events.push(...planned.events);
        lane.warnings.push(...warnings);
      }
    }
  }
  return t;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const drawn: RigLane[] = [];
const counted = planAll(drawn); // warm-up, untimed
const runs: Timing[] = [];
for (let i = 0; i < RUNS; i++) runs.push(planAll());
const fmt = (pick: (t: Timing) => number) => `median ${median(runs.map(pick)).toFixed(1)} ms, worst ${Math.max(...runs.map(pick)).toFixed(1)} ms`;
console.log(`a week of ${EXAMPLES.length} protocols on ${RIGS} rigs in ${TIME_ZONE}: ${counted.events} events, ${counted.warnings} warnings; ${RUNS} runs`);
console.log(`parameters + compile: ${fmt((t) => t.compile)}`);
console.log(`plan:                 ${fmt((t) => t.plan)} (target: under 50 ms)`);
console.log(`checks:               ${fmt((t) => t.checks)}`);

if (process.argv.includes('--plan-only')) process.exit(0);
// The target is for 10,000 events: the first rigs that reach that many, then all 50.
await benchTimeline(drawn.slice(0, Math.ceil(10_000 / (counted.events / RIGS))), FROM.getTime(), UNTIL.getTime());
await benchTimeline(drawn, FROM.getTime(), UNTIL.getTime());
