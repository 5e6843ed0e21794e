import type { ErrorCode, MotifError } from '../../contract/errors';
import { toMotifError } from '../motif-api/fan-out';

/**
 * A failure in rig setup (registry, keychain, config file) with the contract code a user
 * or the UI can act on. Messages are sentences and never contain an API key.
 */
export class RigSetupError extends Error {
  override readonly name = 'RigSetupError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toMotifError(): MotifError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isRigSetupError(e: unknown): e is RigSetupError {
  return e instanceof RigSetupError;
}

/** Any failure from rig setup or a rig call as a contract error value. */
export function rigMotifError(e: unknown): MotifError {
  return isRigSetupError(e) ? e.toMotifError() : toMotifError(e);
}
