import { z } from 'zod';
import { RigSummary } from './rigs';

export const demoRequests = {
  /** Start simulated rigs inside the app and add them, marked simulated: try everything without hardware. */
  'demo.start': {
    args: z.object({ count: z.number().int().min(1).max(8).default(2) }).strict(),
    result: z.object({ rigs: z.array(RigSummary) }),
  },
} as const;
