import type { ErrorCode, MotifError } from '../contract/errors';

/**
 * The one error type of the core: a contract code a user or the UI can act on, a sentence
 * that never holds a key, and JSON-safe details. Rig calls (RigCallError), the registry,
 * the keychain and the outbox all throw it; the dispatch maps it once, with `toMotifError`.
 */
export class CoreError extends Error {
  override readonly name: string = 'CoreError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** A contract error value thrown on (the outbox answers with Results). */
  static from(error: MotifError): CoreError {
    return new CoreError(error.code, error.message, error.details);
  }

  toMotifError(): MotifError {
    const details: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.details ?? {})) if (v !== undefined) details[k] = v;
    return Object.keys(details).length === 0 ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details };
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}

/**
 * Any failure as a contract error value. Input refused before anything was sent (a
 * RangeError, such as a path segment Motif could not route) is 'invalid-args'; anything
 * unexpected is 'internal'.
 */
export function toMotifError(e: unknown): MotifError {
  if (e instanceof CoreError) return e.toMotifError();
  if (e instanceof RangeError) return { code: 'invalid-args', message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
