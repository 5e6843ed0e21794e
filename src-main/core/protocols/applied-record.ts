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
});
export type AppliedRecord = z.infer<typeof AppliedRecord>;
