import { z } from 'zod';
import { RigSummary } from './requests';

/** Every event main pushes to the renderer: name -> payload schema. */
export const events = {
  'rigs.changed': z.object({ rigs: z.array(RigSummary) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
