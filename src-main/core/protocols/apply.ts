import type { MotifError } from '../../contract/errors';
import type { DriftReport, RigOutcome } from './outcomes';
import { toMotifError } from '../errors';
import { clearSchedule, type RigCommand } from '../operations/command-builders';
import { runOnTargets, type OperationsDeps } from '../operations/run-on-targets';
import { compileProtocol, isTaskOf, type CompiledProtocol } from './compile';
import type { Protocol } from './model';
import { fillParameters, type ParameterValues } from './parameters';
import { planTask, type PlanTask } from './plan-task';
import type { AppliedRecord } from './applied-record';
import type { ProtocolStore } from './protocol-store';
import { readRigFacts } from './rig-facts';
import { MAX_TASKS_PER_APPLY, MAX_TASKS_PER_RIG } from './checks';

/**
 * Applying a protocol to rigs and removing it: online rigs at once, offline ones through the
 * outbox (every `schedule/...` call is queueable, and compared with the rig before it is
 * sent, so a task changed there meanwhile is held as a conflict), one outcome per rig. Only the protocol's
 * own `mc-<slug>-<n>` tasks are ever created or deleted (never `schedule/clear`), and the
 * app remembers which protocol and revision each rig carries.
 */

export interface ApplyDeps extends OperationsDeps {
  store: ProtocolStore;
  now?: () => Date;
  /** Where a configured rig is (never its key): the defaults of a script exported for it. */
  rigAddress?(rigId: string): { host: string; port: number } | undefined;
}

const AWAY = new Set(['rig-unreachable', 'rig-timeout']);

/** A rig's failure as the contract words it, carried through a throw. */
class RigFailure extends Error {
  constructor(readonly motif: MotifError) {
    super(motif.message);
  }
}

/** Sends one command through the outbox policy; the delivery, or throws the rig's error. */
async function send(deps: OperationsDeps, rigId: string, command: RigCommand): Promise<'sent' | 'queued'> {
  const [outcome] = await runOnTargets(deps, [{ rigId }], () => command);
  if (!outcome) throw new Error('No outcome for the command.');
  if (!outcome.ok) throw new RigFailure(outcome.error);
  return outcome.delivery;
}

const errorOf = (e: unknown): MotifError => (e instanceof RigFailure ? e.motif : toMotifError(e));

export interface ApplyChoices {
  /** Replace tasks of the protocol's names this app did not put there. */
  replace?: boolean;
  /** The task count per rig the user confirmed, needed above MAX_TASKS_PER_RIG. */
  confirmTasks?: number;
}

export async function applyToRig(
  deps: ApplyDeps,
  protocol: Protocol,
  revision: string,
  rig: { rigId: string; params?: ParameterValues },
  { replace = false, confirmTasks }: ApplyChoices = {},
): Promise<RigOutcome> {
  const rigName = deps.rigName(rig.rigId);
  const base = { rigId: rig.rigId, rigName: rigName ?? rig.rigId, created: [] as string[], removed: [] as string[], notes: [] as string[] };
  if (rigName === undefined) return { ...base, ok: false, error: { code: 'not-found', message: `No rig with id ${rig.rigId} is configured.` } };
  let compiled: CompiledProtocol;
  try {
    compiled = compileProtocol(fillParameters(protocol, rig.params, rigName));
  } catch (e) {
    return { ...base, ok: false, error: toMotifError(e) };
  }
  const tooMany = taskCountProblem(compiled, rigName, confirmTasks);
  if (tooMany) return { ...base, ok: false, error: tooMany };
  const previous = (await deps.store.applied()).find((r) => r.rigId === rig.rigId && r.slug === compiled.slug);
  const own = new Set(previous?.tasks.map((t) => t.name) ?? []);
  const wanted = new Set(compiled.tasks.map((t) => t.name));

  let onRig: string[] | null;
  try {
    const facts = await readRigFacts(await deps.clientFor(rig.rigId));
    if (!facts.reachable) throw new RigFailure(facts.error);
    onRig = facts.tasks.map((t) => t.name);
  } catch (e) {
    const error = errorOf(e);
    if (!AWAY.has(error.code) || !deps.submitChange) return { ...base, ok: false, error };
    onRig = null;
    base.notes.push(
      `${rigName} is away: the task names could not be checked, and tasks of the same names on the rig are replaced when the changes are applied, ` +
        'unless they were changed there since this computer last saw them: such a change waits in the Outbox as a conflict.',
    );
  }

  if (onRig !== null) {
    // Names in the protocol's namespace that this app did not record putting there are someone else's.
    const taken = compiled.tasks.filter((t) => onRig.includes(t.name) && !own.has(t.name)).map((t) => t.name);
    if (taken.length > 0 && !replace) {
      return {
        ...base, ok: false,
        error: { code: 'already-exists', message: `${rigName} already has task${taken.length === 1 ? '' : 's'} ${taken.map((n) => `"${n}"`).join(', ')}, not put there by this app for protocol "${compiled.protocol}": remove ${taken.length === 1 ? 'it' : 'them'} first, or apply with replace.`, details: { taken } },
      };
    }
  }
  // Created first, then stale ones deleted: the rig is never without the protocol in between.
  const stale = onRig === null
    ? [...own].filter((n) => !wanted.has(n))
    : onRig.filter((n) => isTaskOf(compiled.slug, n) && !wanted.has(n) && (own.has(n) || replace));
  const appliedTasks = (names: (n: string) => boolean) =>
    compiled.tasks.filter((t) => names(t.name)).map((t) => ({
      name: t.name, endpoint: t.command.endpoint, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative, args: t.command.args ?? {},
    }));
  const recordOf = (tasks: AppliedRecord['tasks'], delivery: 'sent' | 'queued', state: AppliedRecord['state']): AppliedRecord => ({
    rigId: rig.rigId, protocol: compiled.protocol, slug: compiled.slug, revision,
    appliedAt: (deps.now?.() ?? new Date()).toISOString(), delivery, params: rig.params ?? {}, tasks, state,
  });
  // The intent first: every task this apply may put there, with those of the earlier version.
  const intended = appliedTasks(() => true);
  const earlier = (previous?.tasks ?? []).filter((t) => !wanted.has(t.name));
  await deps.store.setApplied(rig.rigId, compiled.slug, recordOf([...intended, ...earlier], onRig === null ? 'queued' : 'sent', 'applying'));

  const deliveries = new Set<'sent' | 'queued'>();
  let failure: MotifError | undefined;
  for (const t of compiled.tasks) {
    try {
      deliveries.add(await send(deps, rig.rigId, t.command));
      base.created.push(t.name);
    } catch (e) {
      failure = errorOf(e);
      break;
    }
  }
  if (!failure) {
    for (const name of stale) {
      try {
        deliveries.add(await send(deps, rig.rigId, clearSchedule(name)));
        base.removed.push(name);
      } catch (e) {
        base.notes.push(`Task "${name}" of an earlier version could not be deleted: ${errorOf(e).message}`);
      }
    }
  }
  const delivery = deliveries.has('queued') ? 'queued' : 'sent';
  // What reached the rig is remembered even after a failure, so remove can clean it up; nothing
  // created: the record is as it was before.
  const created = new Set(base.created);
  await deps.store.setApplied(rig.rigId, compiled.slug, created.size > 0 ? recordOf(appliedTasks((n) => created.has(n)), delivery, 'applied') : (previous ?? null));
  if (failure) {
    return { ...base, ok: false, delivery, error: { ...failure, message: `${failure.message} (${base.created.length} of ${compiled.tasks.length} tasks were ${delivery === 'queued' ? 'queued' : 'created'}; remove the protocol to take them off.)` } };
  }
  return { ...base, ok: true, delivery };
}

/** Why this many tasks are not sent to the rig (none when within the limit or confirmed), before any call. */
function taskCountProblem(compiled: CompiledProtocol, rigName: string, confirmTasks: number | undefined): MotifError | undefined {
  const tasks = compiled.tasks.length;
  const details = { reason: 'too-many-tasks', tasks, limit: MAX_TASKS_PER_RIG, ceiling: MAX_TASKS_PER_APPLY };
  const count = tasks.toLocaleString('en-US');
  if (tasks > MAX_TASKS_PER_APPLY) {
    return {
      code: 'invalid-args',
      message: `Protocol "${compiled.protocol}" would put ${count} tasks on ${rigName}; this app never applies more than ${MAX_TASKS_PER_APPLY.toLocaleString('en-US')} to one rig. Use fewer actions, times or cameras, or split it into several protocols.`,
      details,
    };
  }
  if (tasks <= MAX_TASKS_PER_RIG || (confirmTasks !== undefined && confirmTasks >= tasks)) return undefined;
  return {
    code: 'invalid-args',
    message: `Protocol "${compiled.protocol}" would put ${count} tasks on ${rigName}, more than the ${MAX_TASKS_PER_RIG} the checks advise (the rig checks every task every second). Nothing was sent; confirm ${count} tasks to apply it anyway (motifctl: --confirm-tasks ${tasks}).`,
    details,
  };
}

export async function removeFromRig(deps: ApplyDeps, slug: string, rigId: string): Promise<RigOutcome> {
  const rigName = deps.rigName(rigId);
  const base = { rigId, rigName: rigName ?? rigId, created: [] as string[], removed: [] as string[], notes: [] as string[] };
  if (rigName === undefined) return { ...base, ok: false, error: { code: 'not-found', message: `No rig with id ${rigId} is configured.` } };
  const record = (await deps.store.applied()).find((r) => r.rigId === rigId && r.slug === slug);
  let names: string[];
  try {
    const facts = await readRigFacts(await deps.clientFor(rigId));
    if (!facts.reachable) throw new RigFailure(facts.error);
    names = facts.tasks.map((t) => t.name).filter((n) => isTaskOf(slug, n));
  } catch (e) {
    const error = errorOf(e);
    if (!AWAY.has(error.code) || !deps.submitChange) return { ...base, ok: false, error };
    names = record?.tasks.map((t) => t.name) ?? [];
    // One line for the one case: what this app put there waits to be deleted, or there is nothing of its own to delete.
    base.notes.push(
      names.length > 0
        ? `${rigName} is away: the tasks this app put there are deleted when it returns, unless they were changed there meanwhile (then the Outbox holds the deletion as a conflict).`
        : `${rigName} is away, and this app put no task of this protocol there: nothing is deleted. Remove it again once the rig answers if another computer applied it there.`,
    );
  }
  if (names.length === 0 && !record && base.notes.length === 0) base.notes.push(`${rigName} carries no task of this protocol.`);
  const deliveries = new Set<'sent' | 'queued'>();
  for (const name of names) {
    try {
      deliveries.add(await send(deps, rigId, clearSchedule(name)));
      base.removed.push(name);
    } catch (e) {
      return { ...base, ok: false, error: errorOf(e) };
    }
  }
  await deps.store.setApplied(rigId, slug, null);
  return { ...base, ok: true, delivery: deliveries.has('queued') ? 'queued' : 'sent' };
}

const sameTask = (a: PlanTask, b: PlanTask) =>
  a.cronExpression === b.cronExpression && a.cameraRelative === b.cameraRelative && a.action === b.action &&
  JSON.stringify(a.args, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ===
    JSON.stringify(b.args, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

/** Whether the rig's tasks still match what was applied: a task gone, changed, or added in the namespace. */
export async function driftOf(deps: ApplyDeps, record: AppliedRecord): Promise<DriftReport> {
  const rigName = deps.rigName(record.rigId) ?? record.rigId;
  const base = { rigId: record.rigId, rigName, protocol: record.protocol, revision: record.revision, appliedAt: record.appliedAt };
  let facts;
  try {
    facts = await readRigFacts(await deps.clientFor(record.rigId));
  } catch (e) {
    return { ...base, state: 'unknown', differences: [`${rigName} could not be asked: ${toMotifError(e).message}`] };
  }
  if (!facts.reachable) return { ...base, state: 'unknown', differences: [`${rigName} could not be asked: ${facts.error.message}`] };
  const differences: string[] = [];
  if (record.state === 'applying') differences.push(`The last apply of this protocol to ${rigName} was cut off: apply it again to complete it, or remove it.`);
  for (const t of record.tasks) {
    const expected = planTask(t, 'protocol');
    const found = facts.tasks.find((x) => x.name === t.name);
    if (!found) differences.push(`Task "${t.name}" is no longer on ${rigName}.`);
    else if (!found.planned || !sameTask(expected, found.planned)) differences.push(`Task "${t.name}" on ${rigName} was changed since the protocol was applied.`);
  }
  for (const x of facts.tasks) {
    if (isTaskOf(record.slug, x.name) && !record.tasks.some((t) => t.name === x.name)) {
      differences.push(`${rigName} has task "${x.name}" in this protocol's names that the app did not put there.`);
    }
  }
  return { ...base, state: differences.length === 0 ? 'matches' : 'drifted', differences };
}

