import { z } from 'zod';
import { PathSegment, WireNumber } from '../../core/motif-api/operation-table';
import { MotifError } from '../errors';

/** One rig, or one camera of it: an operation's target. No serial = all cameras of the rig. */
export const Target = z.object({
  rigId: z.string().min(1),
  serial: PathSegment.optional(),
});
export type Target = z.infer<typeof Target>;

export const Targets = z.array(Target).min(1, 'Select at least one rig or camera.').max(500);

/**
 * The caller's name for one command over many targets: each target's outcome is then also
 * pushed as a `targets.outcome` event the moment it is known, before the slowest rig answers.
 */
export const ProgressId = z.string().min(1).max(100);

/** A JSON value as rigs send and take them (metadata, parameter values, raw answers). */
/** Numbers include ±Infinity: an output toggle in a task's arguments (both transports carry them). */
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), WireNumber, z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What happened on each target of a fanned-out operation. */
export const TargetOutcome = z.discriminatedUnion('ok', [
  z.object({
    rigId: z.string(),
    rigName: z.string(),
    serial: z.string().optional(),
    ok: z.literal(true),
    /** 'queued': the rig was offline and the change waits in its outbox. */
    delivery: z.enum(['sent', 'queued']),
    value: JsonValue.optional(),
    elapsedMs: z.number(),
  }),
  z.object({
    rigId: z.string(),
    rigName: z.string(),
    serial: z.string().optional(),
    ok: z.literal(false),
    error: MotifError,
    elapsedMs: z.number(),
  }),
]);
export type TargetOutcome = z.infer<typeof TargetOutcome>;
export const TargetOutcomes = z.array(TargetOutcome);
