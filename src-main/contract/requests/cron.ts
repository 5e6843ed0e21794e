import { z } from 'zod';

/** The cron editor's helper: is an expression valid, what does it mean, when does it fire. */
export const CronExplanation = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    description: z.string(),
    /** ISO 8601 with the offset of `timeZone` (or, camera-relative, seconds after the start). */
    next: z.array(z.string()),
    /** Set when fewer fire times exist than asked for (e.g. Feb 30), saying why. */
    exhaustedReason: z.string().optional(),
  }),
  z.object({
    valid: z.literal(false),
    field: z.string().nullable(),
    text: z.string(),
    message: z.string(),
  }),
]);
export type CronExplanation = z.infer<typeof CronExplanation>;

export const cronRequests = {
  'cron.explain': {
    args: z.object({
      expression: z.string().max(500),
      cameraRelative: z.boolean().optional(),
      /** IANA zone the fire times are shown in: the rig's when known. */
      timeZone: z.string().min(1).max(100).optional(),
      /** Fire times after this instant (ISO); default now. */
      from: z.iso.datetime({ offset: true }).optional(),
      count: z.number().int().min(0).max(100).default(5),
    }),
    result: CronExplanation,
  },
  'cron.oneShot': {
    args: z.object({
      /** The rig's clock (`schedule.now`), Unix seconds. */
      rigNowUnixSeconds: z.number(),
      secondsFromNow: z.number().int().min(1).max(366 * 24 * 3600),
      timeZone: z.string().min(1).max(100).optional(),
    }),
    result: z.object({ expression: z.string() }),
  },
} as const;
