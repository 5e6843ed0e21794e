import { localTimeZone } from '../cron';
import { toMotifError } from '../errors';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import { checkPlan } from './checks';
import { compileProtocol, isTaskOf, protocolSlug, type CompiledProtocol } from './compile';
import type { Protocol } from './model';
import { fillParameters, type ParameterValues } from './parameters';
import { newPlanCache, plan, type PlanCache } from './plan';
import type { RigLane } from './outcomes';
import { planTaskOfCompiled, type PlanTask } from './plan-task';
import { readRigFacts, type RigFacts } from './rig-facts';

/**
 * A protocol planned and checked for each rig (one lane per rig, ready for a timeline): its
 * parameters filled in for the rig, compiled, planned in the rig's zone and clock offset
 * with the rig's other tasks read back, and checked. Without rigs: one lane with the
 * parameters' defaults, in the given zone.
 */

export interface PlanRigsDeps {
  rigName(rigId: string): string | undefined;
  clientFor(rigId: string): Promise<RigEndpoints>;
  /** Tasks this protocol was last applied with on a rig. */
  ownTaskNames(rigId: string, slug: string): Promise<string[]>;
}

export interface PlanRigsArgs {
  protocol: Protocol;
  rigs: { rigId: string; params?: ParameterValues }[];
  from: Date;
  until: Date;
  /** Overrides the rig's zone; default the rig's, else this computer's. */
  timeZone?: string;
  /** Plan the rigs' other tasks too (read back from each rig). */
  otherTasks?: boolean;
}

function lane(
  rig: { rigId: string | null; name: string },
  protocol: Protocol,
  params: ParameterValues | undefined,
  args: PlanRigsArgs,
  facts: RigFacts | null,
  ownTaskNames: string[],
  cache: PlanCache,
): RigLane {
  const timeZone = args.timeZone ?? (facts?.reachable ? facts.timeZone : undefined) ?? localTimeZone();
  const known = facts?.reachable ? facts : null;
  const base = {
    rigId: rig.rigId, rig: rig.name, timeZone,
    clockOffsetSeconds: known?.clockOffsetSeconds ?? null,
    reachable: facts === null ? null : facts.reachable,
    ...(facts && !facts.reachable ? { error: facts.error } : {}),
  };
  let filled: Protocol;
  let compiled: CompiledProtocol;
  try {
    filled = fillParameters(protocol, params, rig.name);
    compiled = compileProtocol(filled);
  } catch (e) {
    return { ...base, error: toMotifError(e), tasks: [], events: [], warnings: [] };
  }
  const others: PlanTask[] = args.otherTasks === false || !known
    ? []
    : known.tasks.flatMap((t) => (t.planned && !isTaskOf(compiled.slug, t.name) ? [t.planned] : []));
  const planned = plan({
    tasks: [...compiled.tasks.map(planTaskOfCompiled), ...others], from: args.from, until: args.until, timeZone,
    clockOffsetSeconds: known?.clockOffsetSeconds ?? 0, ...(known ? { cameras: known.cameras } : {}), cache,
  });
  const warnings = checkPlan({
    rig: rig.name, protocol: filled, compiled, plan: planned, timeZone, from: args.from, until: args.until,
    ...(known ? { clockOffsetSeconds: known.clockOffsetSeconds, outputs: known.outputs, cameras: known.cameras, rigTaskNames: known.tasks.map((t) => t.name) } : {}),
    ownTaskNames,
  });
  return {
    ...base,
    tasks: compiled.tasks.map((t) => ({ name: t.name, cronExpression: t.cronExpression, cameraRelative: t.cameraRelative, action: t.command.endpoint })),
    events: planned.events,
    warnings,
  };
}

export async function planRigs(deps: PlanRigsDeps, args: PlanRigsArgs): Promise<RigLane[]> {
  const cache = newPlanCache();
  if (args.rigs.length === 0) return [lane({ rigId: null, name: '(no rig)' }, args.protocol, undefined, args, null, [], cache)];
  return Promise.all(
    args.rigs.map(async (r) => {
      const name = deps.rigName(r.rigId);
      if (name === undefined) {
        return { rigId: r.rigId, rig: r.rigId, timeZone: args.timeZone ?? localTimeZone(), clockOffsetSeconds: null, reachable: null,
          error: { code: 'not-found' as const, message: `No rig with id ${r.rigId} is configured.` }, tasks: [], events: [], warnings: [] };
      }
      let facts: RigFacts;
      try {
        facts = await readRigFacts(await deps.clientFor(r.rigId));
      } catch (e) {
        facts = { reachable: false, error: toMotifError(e) };
      }
      const slug = protocolSlug(args.protocol.name);
      return lane({ rigId: r.rigId, name }, args.protocol, r.params, args, facts, await deps.ownTaskNames(r.rigId, slug), cache);
    }),
  );
}
