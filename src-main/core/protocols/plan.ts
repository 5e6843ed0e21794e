import { FIRST_RELATIVE_SECOND, next, parse, type CronExpression } from '../cron';
import { z } from 'zod';
import { WireObject, type OperationName } from '../motif-api/operation-table';
import type { PlanTask } from './plan-task';

/**
 * The events a rig's tasks cause between two times, computed with the cron engine from the
 * tasks themselves, so what is shown is what the rig will do: absolute tasks on the rig's
 * wall clock in its zone (shifted by its clock offset), camera-relative tasks after each
 * planned recording start on their camera and before that recording ends.
 */

export const EventKind = z.enum(['recording', 'output', 'configure', 'copy', 'export', 'other']);
export type EventKind = z.infer<typeof EventKind>;

/**
 * One thing a rig does, as a timeline draws it. Its rig and zone are its lane's, so times are
 * instants only; words and ISO texts are made where they are shown (a week of 50 rigs holds
 * tens of thousands of events, and each field here is paid for in each of them).
 */
export const PlanEvent = z.object({
  /** On this computer's clock. */
  atMs: z.number(),
  /** Recordings: when the duration ends it (null: the task sets no duration, it runs until stopped). */
  endMs: z.number().nullable().optional(),
  /** The camera it concerns; null: every camera of the rig. */
  camera: z.string().nullable(),
  output: z.string().optional(),
  kind: EventKind,
  /** The call as the vendor's call() takes it, e.g. "camera/FAKE0/io/led/set". */
  action: z.string(),
  args: WireObject,
  task: z.string(),
  source: z.enum(['protocol', 'other']),
  /** Camera-relative events: the start of the recording they count from. */
  countsFromMs: z.number().optional(),
});
export type PlanEvent = z.infer<typeof PlanEvent>;

export interface PlanInput {
  tasks: readonly PlanTask[];
  from: Date;
  until: Date;
  timeZone: string;
  /** The rig's clock minus this computer's, in seconds: a rig ahead fires earlier by our clock. */
  clockOffsetSeconds?: number;
  /** The rig's cameras in order; a whole-rig camera-relative task counts from the first one's recordings. */
  cameras?: readonly string[];
  /** Shared by the lanes of one request: rigs with the same tasks and zone need the cron engine once. */
  cache?: PlanCache;
}

export interface PlanCache {
  fires: Map<string, { times: number[]; truncated: boolean }>;
}

export const newPlanCache = (): PlanCache => ({ fires: new Map() });

export interface Plan {
  events: PlanEvent[];
  /** Tasks whose expression could not be read, or that produced too many events to list. */
  problems: { task: string; message: string }[];
}

/** A plan stops listing a task's events past this many (a week of a 2 s pulse is ~300,000). */
export const MAX_EVENTS_PER_TASK = 50_000;
const BATCH = 1000;
/** mc-x-2 before mc-x-10. */
const TASK_ORDER = new Intl.Collator('en', { numeric: true });

const KINDS: Partial<Record<OperationName, EventKind>> = {
  'recording.start': 'recording',
  'outputs.set': 'output',
  'cameras.configure': 'configure',
  'recordings.copy': 'copy',
  'recordings.export': 'export',
};

export function kindOf(t: PlanTask): EventKind {
  return (t.operation && KINDS[t.operation]) ?? 'other';
}

/** Fire times in [from, until] of an expression, at most `limit`. */
function fireTimes(expr: CronExpression, from: Date, until: Date, limit: number, opts: { timeZone?: string; epoch?: Date }): { times: Date[]; truncated: boolean } {
  const times: Date[] = [];
  let cursor = new Date(from.getTime() - 1000);
  while (times.length < limit) {
    const found = next(expr, cursor, Math.min(BATCH, limit - times.length), opts);
    for (const t of found.times) {
      if (t > until) return { times, truncated: false };
      times.push(t);
    }
    const last = found.times[found.times.length - 1];
    if (found.exhausted || !last) return { times, truncated: false };
    cursor = last;
  }
  return { times, truncated: true };
}

/** `fireTimes` in ms, remembered in the cache under everything that decides them. */
function cachedFires(cache: PlanCache, expr: CronExpression, from: Date, until: Date, limit: number, opts: { timeZone?: string; epoch?: Date }) {
  const key = `${expr.source}|${from.getTime()}|${until.getTime()}|${limit}|${opts.timeZone ?? ''}|${opts.epoch?.getTime() ?? ''}`;
  let hit = cache.fires.get(key);
  if (!hit) {
    const found = fireTimes(expr, from, until, limit, opts);
    hit = { times: found.times.map((t) => t.getTime()), truncated: found.truncated };
    cache.fires.set(key, hit);
  }
  return hit;
}

type TaskFacts = Pick<PlanEvent, 'camera' | 'output' | 'kind' | 'action' | 'args' | 'task' | 'source'>;

/** Read once per task: tasks come in many shapes, and reading them per event is slow. */
const factsOf = (t: PlanTask): TaskFacts =>
  ({ camera: t.serial ?? null, output: t.output, kind: kindOf(t), action: t.action, args: t.args, task: t.name, source: t.source });

/**
 * A plan's event, constructed rather than written as a literal: V8 moves a literal's allocation
 * site to the old generation once most of its objects outlive a collection, as all of a plan's
 * do, and allocating there made a week of 50 rigs three times slower to plan (bench/protocols.ts).
 * It crosses the bridge as the plain object PlanEvent describes.
 */
class PlannedEvent implements PlanEvent {
  atMs: number;
  endMs: number | null | undefined;
  camera: string | null;
  output: string | undefined;
  kind: EventKind;
  action: string;
  args: PlanEvent['args'];
  task: string;
  source: PlanEvent['source'];
  countsFromMs: number | undefined;
  constructor(f: TaskFacts, atMs: number, endMs: number | null | undefined, countsFromMs: number | undefined) {
    this.atMs = atMs;
    this.endMs = endMs;
    this.camera = f.camera;
    this.output = f.output;
    this.kind = f.kind;
    this.action = f.action;
    this.args = f.args;
    this.task = f.task;
    this.source = f.source;
    this.countsFromMs = countsFromMs;
  }
}

interface Recording {
  task: string;
  serial: string | null;
  startMs: number;
  endMs: number | null;
}

export function plan(input: PlanInput): Plan {
  // Whole seconds: the offset is measured across a request, so its fraction is mostly latency.
  const offsetMs = Math.round(input.clockOffsetSeconds ?? 0) * 1000;
  const events: PlanEvent[] = [];
  const problems: Plan['problems'] = [];
  const parsed = new Map<string, CronExpression>();
  for (const t of input.tasks) {
    const p = parse(t.cronExpression);
    if (p.ok) parsed.set(t.name, p.value);
    else problems.push({ task: t.name, message: `Task "${t.name}" has an expression the plan cannot read: ${p.error.message}` });
  }
  const cache = input.cache ?? newPlanCache();
  const truncated = (t: PlanTask) =>
    problems.push({ task: t.name, message: `Task "${t.name}" fires more than ${MAX_EVENTS_PER_TASK} times in this period; the plan lists the first ${MAX_EVENTS_PER_TASK}.` });

  // Recordings that started before `from` can still run into it: look back the longest duration.
  const durations = input.tasks.filter((t) => kindOf(t) === 'recording').map((t) => durationOf(t) ?? 0);
  const lookBackMs = Math.max(0, ...durations) * 1000;
  const recordings: Recording[] = [];
  for (const t of input.tasks) {
    const expr = parsed.get(t.name);
    if (!expr || t.cameraRelative) continue;
    const facts = factsOf(t);
    const isRecording = facts.kind === 'recording';
    // The rig reads its own clock: fire times on the rig's clock, shifted back onto ours.
    const from = new Date(input.from.getTime() + offsetMs - (isRecording ? lookBackMs : 0));
    const found = cachedFires(cache, expr, from, new Date(input.until.getTime() + offsetMs), MAX_EVENTS_PER_TASK, { timeZone: input.timeZone });
    if (found.truncated) truncated(t);
    for (const rigTime of found.times) {
      const ms = rigTime - offsetMs;
      if (!isRecording) {
        events.push(new PlannedEvent(facts, ms, undefined, undefined));
        continue;
      }
      const duration = durationOf(t);
      const endMs = duration === null ? null : ms + duration * 1000;
      recordings.push({ task: t.name, serial: t.serial ?? null, startMs: ms, endMs });
      if (ms >= input.from.getTime()) events.push(new PlannedEvent(facts, ms, endMs, undefined));
    }
  }

  const first = input.cameras?.[0] ?? null;
  for (const t of input.tasks) {
    const expr = parsed.get(t.name);
    if (!expr || !t.cameraRelative) continue;
    // A camera-relative task runs after each recording start of its camera (the first camera for a whole-rig task).
    const camera = t.serial ?? first;
    const ends = new Map<Recording, number>();
    for (const r of recordings) {
      if (r.serial !== null && r.serial !== camera) continue;
      const stopMs = Math.min(r.endMs ?? Infinity, input.until.getTime() + 1);
      if (stopMs > input.from.getTime()) ends.set(r, stopMs);
    }
    if (ends.size === 0) continue;
    // Every recording starts the same virtual clock, so the offsets after its start are the same: found once.
    const longest = Math.max(...[...ends].map(([r, stop]) => stop - r.startMs));
    // Never at the start itself: the cron engine's rule (relative.ts).
    const found = cachedFires(cache, expr, new Date(FIRST_RELATIVE_SECOND * 1000), new Date(longest - 1), MAX_EVENTS_PER_TASK, { epoch: new Date(0) });
    const offsets = found.times;
    let listed = 0;
    const facts = factsOf(t);
    for (const [r, stopMs] of ends) {
      for (const offset of offsets) {
        const ms = r.startMs + offset;
        if (ms >= stopMs) break;
        if (ms < input.from.getTime()) continue;
        events.push(new PlannedEvent(facts, ms, undefined, r.startMs));
        listed++;
      }
      if (listed >= MAX_EVENTS_PER_TASK) break;
    }
    if (found.truncated || listed >= MAX_EVENTS_PER_TASK) truncated(t);
  }
  events.sort((a, b) => a.atMs - b.atMs || TASK_ORDER.compare(a.task, b.task));
  return { events, problems };
}

export function durationOf(t: PlanTask): number | null {
  const d = t.args.duration;
  return typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : null;
}
