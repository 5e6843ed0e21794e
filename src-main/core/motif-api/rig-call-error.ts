import type { ErrorCode } from '../../contract/errors';
import { CoreError } from '../errors';

/** The contract codes a call to one rig can fail with; UI and CLI branch on these. */
export type RigErrorCode = Extract<
  ErrorCode,
  | 'rig-unreachable'
  | 'rig-timeout'
  | 'tls-untrusted'
  | 'tls-fingerprint-changed'
  | 'key-rejected'
  | 'rig-error'
  | 'rig-bad-response'
>;

/** JSON-safe facts about a failure; never holds the API key. */
export type RigErrorDetails = {
  rig: string;
  endpoint?: string;
  method?: string;
  httpStatus?: number;
  rigMessage?: string;
  /** The low-level cause (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  causeCode?: string;
  expectedFingerprint?: string;
  actualFingerprint?: string;
};

/** A failed rig call: `code` says what a user can do about it, `message` says it in a sentence. */
export class RigCallError extends CoreError {
  override readonly name = 'RigCallError';
  declare readonly code: RigErrorCode;
  declare readonly details: RigErrorDetails;
  constructor(code: RigErrorCode, message: string, details: RigErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isRigCallError(e: unknown): e is RigCallError {
  return e instanceof RigCallError;
}

/** Thrown by the pinning connector when the rig shows another certificate than the pinned one. */
export class FingerprintMismatchError extends Error {
  override readonly name = 'FingerprintMismatchError';
  readonly code = 'ERR_MOTIF_FINGERPRINT_MISMATCH';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Certificate fingerprint ${actual} does not match the pinned ${expected}`);
  }
}
