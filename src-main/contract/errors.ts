import { z } from 'zod';

/** Stable codes that UI and tests branch on. */
export const errorCodes = [
  'invalid-args',
  'unknown-request',
  'forbidden',
  'not-found',
  /** The name is taken (a task of the same name on the rig): replacing it must be asked for. */
  'already-exists',
  /** A start sent to a camera that is recording already: skipped, so its recording is not restarted. */
  'already-recording',
  'rig-unreachable',
  'rig-timeout',
  'tls-untrusted',
  'tls-fingerprint-changed',
  'key-rejected',
  'rig-error',
  'rig-bad-response',
  'keychain-unavailable',
  'config-error',
  'internal',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** What crosses the bridge when something fails: a code, a sentence, JSON-safe details (never a key). */
export const MotifError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type MotifError = z.infer<typeof MotifError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: MotifError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: MotifError } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
