import { z } from 'zod';

/** One command sent to a rig, as the lab's record keeps it. Arguments have secrets replaced by "***". */
export const AuditEntry = z.object({
  /** ISO 8601, UTC. */
  at: z.string(),
  rigId: z.string(),
  rigName: z.string(),
  endpoint: z.string(),
  method: z.string(),
  args: z.record(z.string(), z.unknown()),
  /** The command as a person reads it ("Set output led on the rig to 1"). */
  words: z.string(),
  outcome: z.enum(['ok', 'error']),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  durationMs: z.number(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const isoTime = z.iso.datetime({ offset: true });

export const AuditFilter = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    rigId: z.string().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

/** Lines of the log files that are no entry (cut short by a crash, or damaged); absent when there are none. */
const Unreadable = z.number().int().positive().optional();

export const auditRequests = {
  /** The newest matching entries first, at most `limit`. */
  'audit.query': {
    args: AuditFilter.extend({ limit: z.number().int().positive().max(10_000).default(200) }).strict(),
    result: z.object({ entries: z.array(AuditEntry), truncated: z.boolean(), unreadable: Unreadable }),
  },
  /** Matching entries oldest first, as CSV or JSON text. */
  'audit.export': {
    args: AuditFilter.extend({ format: z.enum(['csv', 'json']) }).strict(),
    result: z.object({ format: z.enum(['csv', 'json']), text: z.string(), count: z.number().int(), unreadable: Unreadable }),
  },
} as const;
