import { z } from 'zod';
import { EXPORT_FORMATS } from '../../core/protocols/exports';
import { Protocol, ProtocolName } from '../../core/protocols/model';
import { AppliedRecord } from '../../core/protocols/applied-record';
import { MAX_TASKS_PER_APPLY } from '../../core/protocols/checks';
import { DriftReport, RigLane, RigOutcome } from '../../core/protocols/outcomes';

/**
 * Protocols: saved in the config folder, planned and checked per rig, applied to and removed
 * from rigs, exported as scripts. The model, the plan's events and the outcomes are the
 * core's schemas.
 */

/** A saved protocol by name, or one given whole (the editor's unsaved draft, a file). */
export const ProtocolRef = z.union([z.object({ name: ProtocolName }).strict(), z.object({ protocol: Protocol }).strict()]);
export type ProtocolRef = z.infer<typeof ProtocolRef>;

const Params = z.record(z.string().regex(/^\w+$/), z.string().max(500));
export const RigChoice = z.object({ rigId: z.string().min(1), params: Params.optional() });
const RigChoices = z.array(RigChoice).max(500);

const Iso = z.iso.datetime({ offset: true });
const TimeZone = z.string().min(1).max(100);
/** A plan's period: "until" after "from", at most 92 days. */
const withPeriod = <T extends z.ZodType<{ from: string; until: string }>>(schema: T) =>
  schema
    .refine((a) => new Date(a.until) > new Date(a.from), { message: '"until" must come after "from"', path: ['until'] })
    .refine((a) => new Date(a.until).getTime() - new Date(a.from).getTime() <= 92 * 86_400_000, {
      message: 'plan at most 92 days at once',
      path: ['until'],
    });
const PlanArgs = withPeriod(
  z.object({
    ref: ProtocolRef,
    /** No rigs: one lane with the parameters' defaults. */
    rigs: RigChoices.default([]),
    from: Iso,
    until: Iso,
    timeZone: TimeZone.optional(),
    /** Also plan each rig's other scheduled tasks (default yes). */
    otherTasks: z.boolean().optional(),
  }),
);

export const SavedProtocolView = z.object({
  name: z.string(),
  description: z.string().optional(),
  revision: z.string(),
  file: z.string(),
  protocol: Protocol,
});

export const CompiledTaskView = z.object({
  name: z.string(),
  /** The creation call: `schedule/...` path and its wire body. */
  endpoint: z.string(),
  args: z.record(z.string(), z.unknown()),
  cronExpression: z.string(),
  cameraRelative: z.boolean(),
  /** What it does, in the operation table's words. */
  words: z.string(),
  /** What the expression means. */
  cronWords: z.string(),
});

export const protocolRequests = {
  'protocols.list': {
    args: z.object({}).strict().default({}),
    result: z.object({ protocols: z.array(SavedProtocolView), problems: z.array(z.string()), applied: z.array(AppliedRecord) }),
  },
  'protocols.get': { args: z.object({ name: ProtocolName }), result: SavedProtocolView },
  /** A saved protocol of the same name is kept unless `replace`. */
  'protocols.save': { args: z.object({ protocol: Protocol, replace: z.boolean().optional() }), result: SavedProtocolView },
  'protocols.delete': { args: z.object({ name: ProtocolName }), result: z.object({ deleted: z.boolean() }) },
  /** A protocol file's text, checked and saved. */
  'protocols.import': { args: z.object({ text: z.string().max(2_000_000), replace: z.boolean().optional() }), result: SavedProtocolView },
  /** The protocol as JSON, or its tasks as a Python, curl or MATLAB script (parameters of the rig, else defaults). */
  'protocols.export': {
    args: z.object({ ref: ProtocolRef, format: z.enum(['json', ...EXPORT_FORMATS]), rigId: z.string().min(1).optional(), params: Params.optional() }),
    result: z.object({ text: z.string(), fileName: z.string() }),
  },
  /** The compiled tasks of a protocol, in words. */
  'protocols.compile': {
    args: z.object({ ref: ProtocolRef, params: Params.optional() }),
    result: z.object({ protocol: z.string(), seed: z.number().nullable(), tasks: z.array(CompiledTaskView) }),
  },
  'protocols.plan': { args: PlanArgs, result: z.object({ lanes: z.array(RigLane) }) },
  /** The plan's checks alone, per rig. */
  'protocols.check': { args: PlanArgs, result: z.object({ lanes: z.array(RigLane.pick({ rigId: true, rig: true, reachable: true, error: true, warnings: true })) }) },
  'protocols.apply': {
    args: z.object({
      ref: ProtocolRef,
      rigs: RigChoices.min(1, 'Select at least one rig.'),
      replace: z.boolean().optional(),
      /** The task count per rig the user confirmed: needed when a rig would get more than the checks' limit. */
      confirmTasks: z.number().int().positive().max(MAX_TASKS_PER_APPLY).optional(),
    }),
    result: z.array(RigOutcome),
  },
  'protocols.remove': {
    args: z.object({ name: ProtocolName, rigIds: z.array(z.string().min(1)).min(1, 'Select at least one rig.').max(500) }),
    result: z.array(RigOutcome),
  },
  /** What rigs will do with the tasks they carry now (read back from each), one lane per rig. */
  'protocols.planSchedules': {
    args: withPeriod(z.object({ rigIds: z.array(z.string().min(1)).min(1, 'Select at least one rig.').max(500), from: Iso, until: Iso, timeZone: TimeZone.optional() })),
    result: z.object({ lanes: z.array(RigLane) }),
  },
  /** Whether each rig's tasks still match the protocol it carries. */
  'protocols.drift': { args: z.object({ rigIds: z.array(z.string().min(1)).max(500).optional() }), result: z.array(DriftReport) },
} as const;
