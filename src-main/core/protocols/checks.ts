import { z } from 'zod';
import { formatInZone, parse } from '../cron';
import { splitCivilSeconds } from '../../../src-shared/calendar';
import { civilSecondMatches } from '../cron/match';
import { zoneOffsets } from '../../../src-shared/zoned-time';
import type { CompiledProtocol } from './compile';
import type { Protocol } from './model';
import type { Plan, PlanEvent } from './plan';

/**
 * What to know before applying, each a sentence with the time it concerns: recordings that
 * overlap on a camera, stimuli while nothing records, outputs the rig does not report, task
 * names already taken, the rig's clock, DST, and more tasks than a rig should carry.
 */

export const CheckCode = z.enum([
  'overlap', 'outside-recording', 'after-recording', 'unknown-output', 'name-clash',
  'clock-offset', 'dst-gap', 'dst-repeat', 'too-many-tasks', 'plan',
]);
export type CheckCode = z.infer<typeof CheckCode>;

export const CheckWarning = z.object({
  code: CheckCode,
  message: z.string(),
  rig: z.string(),
  /** ISO 8601 on this computer's clock, and the same instant in ms, when the warning concerns a time. */
  at: z.string().optional(),
  atMs: z.number().optional(),
  camera: z.string().nullable().optional(),
  task: z.string().optional(),
});
export type CheckWarning = z.infer<typeof CheckWarning>;

/**
 * Tasks one rig should carry at most. Motif's scheduler checks every task every second and
 * `schedule` lists them all in one answer; past this a rig's list is slow to read and no one
 * checks it by eye any more. Jitter and many cameras are what reach it.
 */
export const MAX_TASKS_PER_RIG = 100;
/**
 * Above MAX_TASKS_PER_RIG an apply runs only when the user confirmed its task count; above
 * this it never runs: each task is one call to the rig, and a protocol that large is a mistake
 * (10,000 tasks took two minutes to send and left the rig listing them all every poll).
 */
export const MAX_TASKS_PER_APPLY = 1000;
/** A rig clock this far from this computer's is worth saying (NTP keeps healthy rigs far closer). */
export const CLOCK_OFFSET_WARN_SECONDS = 2;

export interface CheckInput {
  rig: string;
  protocol: Protocol;
  compiled: CompiledProtocol;
  plan: Plan;
  timeZone: string;
  from: Date;
  until: Date;
  clockOffsetSeconds?: number | null;
  /** Output names per camera serial as the rig reports them; undefined: not known (rig not asked). */
  outputs?: Record<string, string[]>;
  cameras?: readonly string[];
  /** Names of the tasks the rig lists now; undefined: not known. */
  rigTaskNames?: readonly string[];
  /** Tasks this protocol put on the rig last time (they may be replaced). */
  ownTaskNames?: readonly string[];
}

export function checkPlan(input: CheckInput): CheckWarning[] {
  const warnings: CheckWarning[] = [];
  const say = (w: Omit<CheckWarning, 'rig'>) => warnings.push({ rig: input.rig, ...w });
  const cameraWords = (c: string | null) => (c === null ? 'all cameras' : `camera ${c}`);
  const when = (ms: number) => formatInZone(new Date(ms), input.timeZone);

  for (const p of input.plan.problems) say({ code: 'plan', message: p.message, task: p.task });

  // Overlapping recordings: a camera records one thing at a time; a whole-rig recording uses every camera.
  const recordings = input.plan.events.filter((e) => e.kind === 'recording');
  for (let i = 0; i < recordings.length; i++) {
    const later = recordings[i]!;
    const earlier = recordings.slice(0, i).find((e) => sameCamera(e, later) && (e.endMs === null || (e.endMs ?? 0) > later.atMs));
    if (!earlier) continue;
    say({
      code: 'overlap', at: when(later.atMs), atMs: later.atMs, camera: later.camera, task: later.task,
      message: `On ${input.rig}, ${cameraWords(later.camera)}: task "${later.task}" starts a recording at ${when(later.atMs)} while the one task "${earlier.task}" started at ${when(earlier.atMs)} still runs${typeof earlier.endMs === 'number' ? ` until ${when(earlier.endMs)}` : ''}; the camera cannot record both.`,
    });
  }

  // Stimuli at wall-clock times while the camera does not record.
  for (const e of input.plan.events) {
    if (e.kind !== 'output' || e.countsFromMs !== undefined || e.source !== 'protocol') continue;
    const inside = recordings.some((r) => sameCamera(r, e) && r.atMs <= e.atMs && (r.endMs === null || (r.endMs ?? 0) > e.atMs));
    if (!inside) {
      say({ code: 'outside-recording', at: when(e.atMs), atMs: e.atMs, camera: e.camera, task: e.task,
        message: `On ${input.rig}, task "${e.task}" sets output ${e.output ?? ''} at ${when(e.atMs)} while ${cameraWords(e.camera)} ${e.camera === null ? 'do' : 'does'} not record.` });
    }
  }

  // Relative actions the recording never reaches.
  input.protocol.recordings.forEach((block, b) => {
    block.actions.forEach((action, a) => {
      const first = 'at' in action.after ? action.after.at : action.after.from;
      if (first < block.durationSeconds) return;
      say({ code: 'after-recording', message: `Recording ${b + 1}, action ${a + 1} comes ${first} s after the start, but the recording lasts ${block.durationSeconds} s: it never runs.` });
    });
  });

  // Outputs the rig does not report.
  if (input.outputs) {
    for (const t of input.compiled.tasks) {
      if (t.operation.kind !== 'outputs.set') continue;
      const camera = t.serial ?? input.cameras?.[0];
      const reported = camera === undefined ? undefined : input.outputs[camera];
      if (!reported || reported.includes(t.operation.name)) continue;
      const first = input.plan.events.find((e) => e.task === t.name);
      say({
        code: 'unknown-output', task: t.name, camera: camera ?? null, ...(first ? { at: when(first.atMs), atMs: first.atMs } : {}),
        message: `${input.rig} does not report an output named "${t.operation.name}" on camera ${camera} (it reports ${reported.length > 0 ? reported.join(', ') : 'none'}): task "${t.name}" would fail${first ? `, first at ${when(first.atMs)}` : ''}.`,
      });
    }
  }

  // Names taken by tasks this protocol did not put there.
  if (input.rigTaskNames) {
    const own = new Set(input.ownTaskNames ?? []);
    for (const t of input.compiled.tasks) {
      if (!input.rigTaskNames.includes(t.name) || own.has(t.name)) continue;
      say({ code: 'name-clash', task: t.name,
        message: `${input.rig} already has a task named "${t.name}" that this app did not put there for this protocol: applying would replace it, so it is refused until that task is removed or renamed.` });
    }
  }

  const offset = input.clockOffsetSeconds;
  if (offset !== undefined && offset !== null && Math.abs(offset) >= CLOCK_OFFSET_WARN_SECONDS) {
    const s = Math.round(Math.abs(offset));
    say({ code: 'clock-offset',
      message: `${input.rig}'s clock is ${s} s ${offset > 0 ? 'ahead of' : 'behind'} this computer's: its tasks run by its own clock, ${s} s ${offset > 0 ? 'earlier' : 'later'} than the same time here (the plan shows this computer's time).` });
  }

  warnings.push(...dstWarnings(input));

  const others = input.rigTaskNames?.filter((n) => !input.compiled.tasks.some((t) => t.name === n) && !(input.ownTaskNames ?? []).includes(n)).length ?? 0;
  const total = input.compiled.tasks.length + others;
  if (total > MAX_TASKS_PER_RIG) {
    say({ code: 'too-many-tasks',
      message: `${input.rig} would carry ${total} scheduled tasks (${input.compiled.tasks.length} from this protocol${others > 0 ? `, ${others} others` : ''}); keep it to ${MAX_TASKS_PER_RIG} or fewer: the rig checks every task every second and lists them all at once.` });
  }
  return warnings.sort((a, b) => (a.atMs ?? -Infinity) - (b.atMs ?? -Infinity));
}

function sameCamera(a: PlanEvent, b: PlanEvent): boolean {
  return a.camera === null || b.camera === null || a.camera === b.camera;
}

/** Wall-clock tasks at a time that does not exist (clocks go forward) or happens twice (clocks go back). */
function dstWarnings(input: CheckInput): CheckWarning[] {
  const zone = zoneOffsets(input.timeZone);
  const out: CheckWarning[] = [];
  const absolute = input.compiled.tasks.filter((t) => !t.cameraRelative);
  const exprs = absolute.flatMap((t) => {
    const p = parse(t.cronExpression);
    return p.ok ? [{ task: t.name, expr: p.value }] : [];
  });
  const hhmm = (civil: number) => {
    const t = splitCivilSeconds(civil);
    return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  };
  const end = Math.floor(input.until.getTime() / 1000);
  let s = Math.floor(input.from.getTime() / 1000);
  const seen = new Set<number>();
  while (s < end) {
    const change = zone.changeAfter(s);
    if (change === null) {
      s += 2 * 86_400;
      continue;
    }
    s = change.at;
    if (change.at > end || seen.has(change.at)) continue;
    seen.add(change.at);
    const atMs = change.at * 1000;
    const at = formatInZone(new Date(atMs), input.timeZone);
    if (change.after > change.before) {
      // Spring forward: civil times [at+before, at+after) never happen.
      const gapFrom = change.at + change.before;
      for (const { task, expr } of exprs) {
        for (let c = gapFrom; c < change.at + change.after; c++) {
          if (!civilSecondMatches(expr, c)) continue;
          out.push({ rig: input.rig, code: 'dst-gap', at, atMs, task,
            message: `On ${at.slice(0, 10)} clocks in ${input.timeZone} go forward at ${hhmm(gapFrom)}: task "${task}" set for ${hhmm(c)} does not run that day (that time does not exist).` });
          break;
        }
      }
    } else {
      // Fall back: civil times [at+after, at+before) happen twice, and the rig runs a task at both.
      const repeatFrom = change.at + change.after;
      for (const { task, expr } of exprs) {
        for (let c = repeatFrom; c < change.at + change.before; c++) {
          if (!civilSecondMatches(expr, c)) continue;
          out.push({ rig: input.rig, code: 'dst-repeat', at, atMs, task,
            message: `On ${at.slice(0, 10)} clocks in ${input.timeZone} go back: ${hhmm(c)} happens twice, and task "${task}" runs both times.` });
          break;
        }
      }
    }
  }
  return out;
}
