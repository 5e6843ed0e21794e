import { z } from 'zod';
import { NoArgs } from './shared';

export const RigSummary = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tags: z.array(z.string()),
  simulated: z.boolean(),
});
export type RigSummary = z.infer<typeof RigSummary>;

export const rigRequests = {
  'rigs.list': { args: NoArgs, result: z.array(RigSummary) },
} as const;
