import type { ErrorCode, MotifError } from '../../contract/errors';
import { toMotifError } from '../../core/errors';

/** Where a command writes and what it reads, so commands run in-process in tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Passed to every command; the action sets `exitCode`. */
export interface CommandContext {
  io: CliIo;
  exitCode: number;
}

/**
 * motifctl exit codes (also in `motifctl --help`):
 * 0 ok, 1 rig or API error, 2 usage or invalid input, 3 rig unreachable or timed out,
 * 4 certificate not trusted or changed, 5 API key rejected.
 */
export const EXIT = { ok: 0, rigError: 1, usage: 2, unreachable: 3, trust: 4, keyRejected: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  the rig answered with an error, or an answer that is not Motif JSON
  2  usage error or invalid input
  3  rig unreachable or timed out
  4  rig certificate not trusted, or its pinned fingerprint changed
  5  API key rejected`;

export function exitCodeFor(code: ErrorCode): ExitCode {
  switch (code) {
    case 'rig-unreachable':
    case 'rig-timeout':
      return EXIT.unreachable;
    case 'tls-untrusted':
    case 'tls-fingerprint-changed':
      return EXIT.trust;
    case 'key-rejected':
      return EXIT.keyRejected;
    case 'invalid-args':
    case 'already-exists':
    case 'config-error':
      return EXIT.usage;
    default:
      return EXIT.rigError;
  }
}

/** Invalid user input found by a command (not by commander's parser). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Write a failure to stderr as a sentence and set the matching exit code. */
export function reportFailure(ctx: CommandContext, error: unknown): void {
  if (error instanceof UsageError) {
    ctx.io.err(`motifctl: ${error.message}\n`);
    ctx.exitCode = EXIT.usage;
    return;
  }
  const failure = toMotifError(error);
  if (failure.code === 'internal') {
    ctx.io.err(`motifctl: unexpected failure: ${failure.message}\n`);
    ctx.exitCode = EXIT.rigError;
    return;
  }
  reportError(ctx, failure);
}

/** A contract error on stderr, with what to do about it in this CLI's flags, and its exit code. */
export function reportError(ctx: CommandContext, error: Pick<MotifError, 'code' | 'message'>): void {
  ctx.io.err(`motifctl: ${error.message}${cliHint(error.code)} [${error.code}]\n`);
  ctx.exitCode = exitCodeFor(error.code);
}

/** The core's words stay neutral; the CLI names its own flags. */
function cliHint(code: ErrorCode): string {
  switch (code) {
    case 'tls-untrusted':
      return ' With motifctl: --ca FILE or --fingerprint SHA256 (see "motifctl trust").';
    case 'tls-fingerprint-changed':
      return ' With motifctl: check it with "motifctl trust", then pass the new --fingerprint.';
    default:
      return '';
  }
}

const NON_FINITE = /"\\u0000(-?Infinity|NaN)"/g; // the sentinel as JSON.stringify escapes it

/** Indented JSON that keeps the wire's Infinity tokens (JSON.stringify would print null). */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${String(v)}` : v),
    2,
  );
  return `${(text ?? 'null').replace(NON_FINITE, '$1')}\n`;
}
