import { z } from 'zod';
import { MotifError } from '../../contract/errors';
import { CheckWarning } from './checks';
import { PlanEvent } from './plan';

/** What protocol requests answer per rig: its lane of the plan, the outcome of apply/remove, its drift. */

/** A recording the app saw a camera make, on this computer's clock; `endMs` null: still running when last seen. */
export const ActualRecording = z.object({ camera: z.string(), startMs: z.number(), endMs: z.number().nullable() });
export type ActualRecording = z.infer<typeof ActualRecording>;

/** How a planned recording start turned out: seen to run, missed, or not seen because the rig was away. */
export const StartVerdict = z.object({
  task: z.string(),
  atMs: z.number(),
  camera: z.string().nullable(),
  verdict: z.enum(['ran', 'missed', 'not-seen']),
});
export type StartVerdict = z.infer<typeof StartVerdict>;

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
  /** The past part of the view: what the app saw the rig record (only while it was watching). */
  actual: z.array(ActualRecording).optional(),
  /** The past part of the view: how each planned start of an applied protocol turned out. */
  verdicts: z.array(StartVerdict).optional(),
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
