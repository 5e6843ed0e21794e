/**
 * Retry delays for an unreachable rig. Most outages are short (a rig restarting, a cable
 * re-plugged): for the first `quickWindowMs` of an outage the delay stays at most
 * `quickMaxMs`, so a rig that came back shows online within seconds; after that it doubles
 * from `baseMs` up to `maxMs`, jittered.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Share of the delay drawn at random either side (0.2 = ±20 %), so rigs that failed together do not retry together. */
  jitter: number;
  /** How long an outage counts as brief. */
  quickWindowMs: number;
  /** The longest delay while the outage is brief. */
  quickMaxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000, jitter: 0.2, quickWindowMs: 60_000, quickMaxMs: 2000 };

/**
 * The delay before attempt `failures + 1`, `failures` >= 1 counting consecutive failures;
 * `outageMs` is how long the rig has been unreachable (since its first failed poll).
 */
export function backoffDelayMs(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random, outageMs = Infinity): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const cap = outageMs < options.quickWindowMs ? Math.min(options.quickMaxMs, options.maxMs) : options.maxMs;
  const nominal = Math.min(cap, options.baseMs * 2 ** exponent);
  const spread = nominal * options.jitter;
  return Math.round(nominal - spread + 2 * spread * random());
}
