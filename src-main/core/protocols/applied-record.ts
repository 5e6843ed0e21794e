import { z } from 'zod';
import { WireObject } from '../motif-api/operation-table';

/** Which protocol, revision and tasks a rig was given: what drift and "did it run?" compare against. */
export const AppliedTask = z.object({
  name: z.string(),
  endpoint: z.string(),
  cronExpression: z.string(),
  cameraRelative: z.boolean(),
  args: WireObject,
});
export type AppliedTask = z.infer<typeof AppliedTask>;

export const AppliedRecord = z.object({
  rigId: z.string(),
  protocol: z.string(),
  slug: z.string(),
  revision: z.string(),
  appliedAt: z.string(),
  delivery: z.enum(['sent', 'queued']),
  params: z.record(z.string(), z.string()),
  tasks: z.array(AppliedTask),
  /**
   * 'applying': written before the first call to the rig and replaced when the apply ends, so
   * an apply cut off (the process killed) still names every task it may have put there: a
   * re-apply completes or replaces them as the app's own, and remove takes them.
   */
  state: z.enum(['applying', 'applied']).optional(),
});
export type AppliedRecord = z.infer<typeof AppliedRecord>;
