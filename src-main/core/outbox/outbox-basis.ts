/**
 * What a queued change was based on, and how the outbox looks again before applying it. One
 * rule per queueable operation of the table (`BASIS_RULES`, typed by the table's queueable
 * names, so a new queueable operation without a rule does not compile): the reads that show
 * what the change writes now, and how a read's answer is compared.
 */
import { valueWords, type QueueableName } from '../motif-api/operation-table';
import { matchPath, normalizeEndpoint, pathFor, type PathMatch } from '../motif-api/operation-paths';
import { scheduledTasks } from '../operations/normalize';
import { taskArgs, taskWords } from '../operations/scheduled-tasks';
import { planTask } from '../protocols/plan-task';
import { stringifyWire, type WireValue } from '../python-json';

/** One thing a change writes (a parameter, a task, the whole schedule), as the outbox compares it. */
export interface BasisFact {
  /** The read (a GET path) that shows it now; also its key in what was seen. */
  read: string;
  /** "Gain of camera FAKE0", "task \"x\"", "the schedule". */
  what: string;
  /** This thing in what the read shows (see `seenValue`); null: not there. */
  pick(seen: WireValue): WireValue;
  /** What the read shows once the change is applied. */
  after(seen: WireValue): WireValue;
  /** A value of this thing in words ("10", "absent", "Start recording on all cameras at ..."). */
  say(value: WireValue): string;
  /** How a change to it by someone else reads: "set to" (a value), "changed to" (a task). */
  changed: string;
}

export type BasisRule = (match: PathMatch, args: Record<string, WireValue>) => BasisFact[];

type WireObject = { [key: string]: WireValue };
const isObj = (v: WireValue | undefined): v is WireObject => v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);

/** Values equal as the wire writes them (keys in any order; ±Infinity kept). */
export function sameValue(a: WireValue, b: WireValue): boolean {
  return stringifyWire(sorted(a)) === stringifyWire(sorted(b));
}

function sorted(v: WireValue): WireValue {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k]!)]));
}

// ---- camera parameters ------------------------------------------------------------------

const parameterOfCamera = (serial: string, name: string, wanted: WireValue): BasisFact => ({
  read: pathFor('cameras.read', serial, { name }),
  what: `${name} of camera ${serial}`,
  pick: (seen) => seen,
  after: () => wanted,
  say: (v) => valueWords(v),
  changed: 'set to',
});

/** All cameras: the read shows each camera's value, and the change sets every one. */
const parameterOfAll = (name: string, wanted: WireValue): BasisFact => ({
  read: pathFor('cameras.read', undefined, { name }),
  what: `${name} of all cameras`,
  pick: (seen) => seen,
  after: (seen) => (isObj(seen) ? Object.fromEntries(Object.keys(seen).map((s) => [s, wanted])) : wanted),
  say: (v) => {
    if (!isObj(v)) return valueWords(v);
    const values = Object.values(v);
    if (values.length > 0 && values.every((x) => sameValue(x, values[0]!))) return valueWords(values[0]);
    return Object.entries(v).map(([s, x]) => `${valueWords(x)} on ${s}`).join(', ');
  },
  changed: 'set to',
});

const configure: BasisRule = (match, args) =>
  Object.entries(args).map(([name, value]) =>
    match.serial === undefined ? parameterOfAll(name, value) : parameterOfCamera(match.serial, name, value),
  );

// ---- scheduled tasks --------------------------------------------------------------------

/**
 * A task as compared: what it runs, with which arguments, when; the fields drift detection
 * compares too (the rig's bookkeeping, like its next run, is left out).
 */
function comparableTask(t: { name: string; endpoint: string; args: WireObject; cronExpression: string; cameraRelative: boolean }): WireValue {
  const p = planTask(t, 'other');
  return { action: p.action, args: p.args, cron: p.cronExpression, cameraRelative: p.cameraRelative };
}

function taskSaid(v: WireValue): string {
  if (!isObj(v)) return 'absent';
  const runs = typeof v.action === 'string' && isObj(v.args) ? taskWords(v.action, v.args) : 'a task the app cannot read';
  return `${runs}${typeof v.cron === 'string' ? ` at "${v.cron}"` : ''}${v.cameraRelative === true ? ' (from the recording start)' : ''}`;
}

const SCHEDULE = pathFor('schedule', undefined);

const oneTask = (name: string, wanted: WireValue): BasisFact => ({
  read: SCHEDULE,
  what: `task "${name}"`,
  pick: (seen) => (isObj(seen) ? (seen[name] ?? null) : null),
  after: (seen) => {
    const rest = Object.fromEntries(Object.entries(isObj(seen) ? seen : {}).filter(([n]) => n !== name));
    return wanted === null ? rest : { ...rest, [name]: wanted };
  },
  say: taskSaid,
  changed: 'changed to',
});

const createTask: BasisRule = (match, args) => {
  const name = typeof args.task_name === 'string' ? args.task_name : '';
  const cron = typeof args.cron_expression === 'string' ? args.cron_expression : '';
  const task = comparableTask({ name, endpoint: pathFor(match.name, match.serial, match.params), args, cronExpression: cron, cameraRelative: args.camera_relative === true });
  return [oneTask(name, task)];
};

const clearTask: BasisRule = (match) => [oneTask(match.params.task_name ?? '', null)];

const clearAll: BasisRule = () => [
  {
    read: SCHEDULE,
    what: 'the schedule',
    pick: (seen) => seen,
    after: () => ({}),
    say: (v) => {
      const names = isObj(v) ? Object.keys(v) : [];
      return names.length === 0 ? 'empty' : `${names.length} task${names.length === 1 ? '' : 's'} (${names.map((n) => `"${n}"`).join(', ')})`;
    },
    changed: 'changed to',
  },
];

/** The rule of each queueable operation. */
export const BASIS_RULES: Record<QueueableName, BasisRule> = {
  'cameras.configure': configure,
  'schedule.clearAll': clearAll,
  'schedule.clearTask': clearTask,
  'schedule.recording.start': createTask,
  'schedule.recordings.copy': createTask,
  'schedule.recordings.export': createTask,
  'schedule.cameras.configure': createTask,
  'schedule.outputs.set': createTask,
};

const isQueueable = (name: string): name is QueueableName => Object.hasOwn(BASIS_RULES, name);

/** What a change to `endpoint` writes, as the outbox compares it; undefined for an endpoint that is not queueable. */
export function basisFacts(endpoint: string, args: Record<string, WireValue>): BasisFact[] | undefined {
  const match = matchPath(endpoint);
  if (!match || !isQueueable(match.name)) return undefined;
  return BASIS_RULES[match.name](match, args);
}

/**
 * The part of a read's answer that bases are taken from: a camera's value, each camera's
 * values, or the tasks by name. Undefined for a read no rule compares.
 */
export function seenValue(endpoint: string, answer: WireValue): WireValue | undefined {
  const match = matchPath(normalizeEndpoint(endpoint));
  if (match?.name === 'cameras.read') {
    // Rigs answer {"value": v} for one camera, {"values": {serial: v}} for all; a bare value is taken as it is.
    const field = match.serial === undefined ? 'values' : 'value';
    return isObj(answer) && field in answer ? answer[field]! : answer;
  }
  if (match?.name === 'schedule') {
    const tasks: WireObject = {};
    for (const t of scheduledTasks(answer).tasks) {
      tasks[t.name] = t.endpoint === undefined || t.cronExpression === undefined
        ? { unreadable: stringifyWire(t.raw) }
        : comparableTask({ name: t.name, endpoint: t.endpoint, args: taskArgs(t.raw), cronExpression: t.cronExpression, cameraRelative: t.cameraRelative === true });
    }
    return tasks;
  }
  return undefined;
}

/**
 * What a read's value also tells of other reads: each camera's value, from all cameras' (a
 * change to one camera is then based on what a read of all of them showed).
 */
export function alsoSeen(read: string, value: WireValue): [string, WireValue][] {
  const match = matchPath(read);
  if (match?.name !== 'cameras.read' || match.serial !== undefined || !isObj(value)) return [];
  const name = match.params.name ?? '';
  return Object.entries(value).map(([serial, v]) => [pathFor('cameras.read', serial, { name }), v]);
}

/** What a change was based on, per read: the value then (null: never seen on this computer). */
export type Basis = Record<string, { value: WireValue; seenAtMs: number } | null>;

/** How one fact stands now against what the change was based on. */
type FactState = 'unchanged' | 'already' | 'changed' | 'unknown';

export type Verdict =
  /** Apply: nothing changed since (`unchecked`: some of it was never seen here, so it could not be compared). */
  | { kind: 'apply'; unchecked: string[] }
  /** The rig already shows what the change wants: nothing to send. */
  | { kind: 'already' }
  /** Changed on the rig since: hold the change. `found`: each read's value now, to base an "apply anyway" on. */
  | { kind: 'conflict'; message: string; found: Record<string, WireValue> };

/** Compare what the reads show now (`now`, by read, each `seenValue`d) with what the change was based on. */
export function judge(facts: BasisFact[], basis: Basis, now: Record<string, WireValue>, rigName: string): Verdict {
  const states = facts.map((f): FactState => {
    const current = f.pick(now[f.read] ?? null);
    if (sameValue(current, f.pick(f.after(now[f.read] ?? null)))) return 'already';
    const based = basis[f.read];
    if (based === undefined || based === null) return 'unknown';
    return sameValue(current, based.value) ? 'unchanged' : 'changed';
  });
  if (states.every((s) => s === 'already')) return { kind: 'already' };
  const changed = facts.filter((_, i) => states[i] === 'changed');
  if (changed.length === 0) return { kind: 'apply', unchecked: facts.filter((_, i) => states[i] === 'unknown').map((f) => f.what) };
  const found = Object.fromEntries(facts.map((f) => [f.read, f.pick(now[f.read] ?? null)]));
  const message = changed.map((f) => conflictWords(f, basis[f.read]!, now[f.read] ?? null, rigName)).join(' ');
  return { kind: 'conflict', message, found };
}

/** "Gain of camera FAKE0 on rig-3 was set to 10 on the rig while your change to 5 waited (it was 0 when you made it, as seen 12:03:04)." */
function conflictWords(f: BasisFact, based: { value: WireValue; seenAtMs: number }, seen: WireValue, rigName: string): string {
  const found = f.pick(seen);
  const wanted = f.pick(f.after(seen));
  const what = f.what.charAt(0).toUpperCase() + f.what.slice(1);
  const foundWords = found === null ? 'deleted' : `${based.value === null ? 'created as' : f.changed} ${f.say(found)}`;
  const yours = wanted === null ? 'to delete it' : `to ${f.say(wanted)}`;
  const seenAt = new Date(based.seenAtMs).toISOString().replace('T', ' ').slice(0, 19);
  return `${what} on ${rigName} was ${foundWords} on the rig while your change ${yours} waited (it was ${f.say(based.value)} when you made it, as seen ${seenAt} UTC).`;
}
