import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../../../../../src-main/core/status/backoff';

describe('backoffDelayMs', () => {
  it('doubles from 1 s up to 30 s with the jitter at its middle', () => {
    const delays = Array.from({ length: 8 }, (_, i) => backoffDelayMs(i + 1, DEFAULT_BACKOFF, () => 0.5));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads each delay by the jitter share either side', () => {
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, () => 0)).toBe(3200);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, () => 1)).toBe(4800);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelayMs(2, DEFAULT_BACKOFF)));
    expect(seen.size).toBeGreaterThan(1);
    for (const d of seen) expect(d >= 1600 && d <= 2400).toBe(true);
  });

  it('stays finite after very many failures', () => {
    expect(backoffDelayMs(10_000, DEFAULT_BACKOFF, () => 0.5)).toBe(30_000);
  });
});

describe('backoffDelayMs during a brief outage', () => {
  it('stays at most 2 s for the first minute of an outage, then grows to 30 s', () => {
    const at = (failures: number, outageMs: number) => backoffDelayMs(failures, DEFAULT_BACKOFF, () => 0.5, outageMs);
    expect([1, 2, 3, 4, 5, 6].map((f) => at(f, 10_000))).toEqual([1000, 2000, 2000, 2000, 2000, 2000]);
    expect(at(30, 59_999)).toBe(2000);
    expect(at(6, 60_000)).toBe(30_000);
    expect(at(3, 61_000)).toBe(4000);
  });
});
