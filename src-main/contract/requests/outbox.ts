import { z } from 'zod';

/** A change kept for a rig that was offline, applied in order when it returns. Arguments shown with secrets masked. */
export const OutboxEntry = z.object({
  id: z.string(),
  rigId: z.string(),
  rigName: z.string(),
  endpoint: z.string(),
  method: z.string(),
  args: z.record(z.string(), z.unknown()),
  /** The change as a person reads it ("Change camera parameters on all cameras: Gain = 3"). */
  words: z.string(),
  /**
   * pending: waits for the rig; sending: on the wire now; failed: the rig refused it, the queue
   * waits for retry or cancel; conflict: what it changes was changed on the rig since it was
   * queued, so it was not sent: the user applies it anyway or drops it.
   */
  state: z.enum(['pending', 'sending', 'failed', 'conflict', 'applied']),
  createdAtMs: z.number(),
  attempts: z.number().int(),
  lastAttemptAtMs: z.number().nullable(),
  appliedAtMs: z.number().nullable(),
  /** The last failure, with the rig's message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Why it is held as a conflict: what it was based on, what the rig shows now, what it would set. */
  conflict: z.object({ message: z.string(), checkedAtMs: z.number() }).optional(),
  /** Applied without sending anything: the rig already showed what it sets. */
  alreadySo: z.boolean().optional(),
  /** Why it was sent without being compared with the rig first. */
  note: z.string().optional(),
  /** A waiting change held back behind an earlier one to the same target (refused, or on the wire now): that one's id. */
  heldBy: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const outboxRequests = {
  'outbox.list': {
    args: z.object({ rigId: z.string().optional() }).strict(),
    result: z.object({ entries: z.array(OutboxEntry) }),
  },
  /** Drop a pending, failed or conflicting entry; it is never sent. */
  'outbox.cancel': { args: z.object({ id: z.string() }).strict(), result: z.object({ cancelled: OutboxEntry }) },
  /** Send a failed entry again (and the changes held back behind it). */
  'outbox.retry': { args: z.object({ id: z.string() }).strict(), result: z.object({ entry: OutboxEntry }) },
  /** Send a conflicting entry anyway, over what the rig shows now (unless that changes again before it is sent). */
  'outbox.applyAnyway': { args: z.object({ id: z.string() }).strict(), result: z.object({ entry: OutboxEntry }) },
} as const;
