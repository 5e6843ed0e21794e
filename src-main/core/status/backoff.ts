/** Retry delays for an unreachable rig: doubling from `baseMs` up to `maxMs`, jittered. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Share of the delay drawn at random either side (0.2 = ±20 %), so rigs that failed together do not retry together. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000, jitter: 0.2 };

/** The delay before attempt `failures + 1`, `failures` >= 1 counting consecutive failures. */
export function backoffDelayMs(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const nominal = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const spread = nominal * options.jitter;
  return Math.round(nominal - spread + 2 * spread * random());
}
