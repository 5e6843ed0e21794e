import { localTimeZone } from '../cron';
import { toMotifError } from '../errors';
import type { CheckWarning } from './checks';
import type { RigLane } from './outcomes';
import { newPlanCache, plan, type PlanCache } from './plan';
import type { PlanRigsDeps } from './plan-rigs';
import type { PlanTask } from './plan-task';
import { readRigFacts, type RigFacts } from './rig-facts';

/**
 * What rigs will do with the tasks they carry now, one lane per rig, read back from each rig
 * and planned like a protocol's: tasks this app applied from a protocol are marked as such,
 * every other task as the rig's own.
 */

export interface SchedulePlanDeps extends Pick<PlanRigsDeps, 'rigName' | 'clientFor'> {
  /** Names of the tasks protocols were applied with on a rig. */
  appliedTaskNames(rigId: string): Promise<string[]>;
}

export interface SchedulePlanArgs {
  rigIds: string[];
  from: Date;
  until: Date;
  /** Overrides the rig's zone; default the rig's, else this computer's. */
  timeZone?: string;
}

function lane(rig: { rigId: string; name: string }, facts: RigFacts, applied: ReadonlySet<string>, args: SchedulePlanArgs, cache: PlanCache): RigLane {
  const timeZone = args.timeZone ?? (facts.reachable ? facts.timeZone : undefined) ?? localTimeZone();
  const base = { rigId: rig.rigId, rig: rig.name, timeZone };
  if (!facts.reachable) return { ...base, clockOffsetSeconds: null, reachable: false, error: facts.error, tasks: [], events: [], warnings: [] };
  const tasks: PlanTask[] = facts.tasks.flatMap((t) => (t.planned ? [{ ...t.planned, source: applied.has(t.name) ? 'protocol' as const : 'other' as const }] : []));
  const planned = plan({
    tasks, from: args.from, until: args.until, timeZone,
    clockOffsetSeconds: facts.clockOffsetSeconds ?? 0, cameras: facts.cameras, cache,
  });
  const unread: CheckWarning[] = facts.tasks.filter((t) => !t.planned).map((t) => ({
    code: 'plan', rig: rig.name, task: t.name,
    message: `${rig.name} lists task "${t.name}" without a call or a cron expression this app can read: it is not drawn.`,
  }));
  return {
    ...base,
    clockOffsetSeconds: facts.clockOffsetSeconds,
    reachable: true,
    tasks: tasks.map((t) => ({ name: t.name, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative, action: t.action })),
    events: planned.events,
    warnings: [...unread, ...planned.problems.map((p): CheckWarning => ({ code: 'plan', rig: rig.name, task: p.task, message: p.message }))],
  };
}

export async function planSchedules(deps: SchedulePlanDeps, args: SchedulePlanArgs): Promise<RigLane[]> {
  const cache = newPlanCache();
  return Promise.all(
    args.rigIds.map(async (rigId) => {
      const name = deps.rigName(rigId);
      if (name === undefined) {
        return { rigId, rig: rigId, timeZone: args.timeZone ?? localTimeZone(), clockOffsetSeconds: null, reachable: null,
          error: { code: 'not-found' as const, message: `No rig with id ${rigId} is configured.` }, tasks: [], events: [], warnings: [] };
      }
      let facts: RigFacts;
      try {
        facts = await readRigFacts(await deps.clientFor(rigId));
      } catch (e) {
        facts = { reachable: false, error: toMotifError(e) };
      }
      return lane({ rigId, name }, facts, new Set(await deps.appliedTaskNames(rigId)), args, cache);
    }),
  );
}
