import { z } from 'zod';

/** A request that takes no arguments (and refuses any). */
export const NoArgs = z.object({}).strict();
