import { z } from 'zod';
import { MotifError } from '../../contract/errors';
import { CheckWarning } from './checks';
import { PlanEvent } from './plan';

/** What protocol requests answer per rig: its lane of the plan, the outcome of apply/remove, its drift. */

/** One rig's lane: its compiled tasks, the events they cause, and what to check. */
export const RigLane = z.object({
  rigId: z.string().nullable(),
  rig: z.string(),
  timeZone: z.string(),
  clockOffsetSeconds: z.number().nullable(),
  /** Null: the rig was not asked; false: it could not be (`error` says why). */
  reachable: z.boolean().nullable(),
  error: MotifError.optional(),
  tasks: z.array(z.object({ name: z.string(), cronExpression: z.string(), cameraRelative: z.boolean(), action: z.string() })),
  events: z.array(PlanEvent),
  warnings: z.array(CheckWarning),
});
export type RigLane = z.infer<typeof RigLane>;

export const RigOutcome = z.object({
  rigId: z.string(),
  rigName: z.string(),
  ok: z.boolean(),
  /** 'queued': the rig was away; the changes wait in its outbox. */
  delivery: z.enum(['sent', 'queued']).optional(),
  /** Tasks created (or queued). */
  created: z.array(z.string()),
  /** Tasks deleted (or queued for deletion). */
  removed: z.array(z.string()),
  notes: z.array(z.string()),
  error: MotifError.optional(),
});
export type RigOutcome = z.infer<typeof RigOutcome>;

export const DriftReport = z.object({
  rigId: z.string(),
  rigName: z.string(),
  protocol: z.string(),
  revision: z.string(),
  appliedAt: z.string(),
  state: z.enum(['matches', 'drifted', 'unknown']),
  /** Each difference in a sentence (or why the rig could not be compared). */
  differences: z.array(z.string()),
});
export type DriftReport = z.infer<typeof DriftReport>;
