import { describe, expect, it } from 'vitest';
import { fullCollection } from '../../../../../src-main/core/browser-mode/full-collection';

describe('a full collection on demand', () => {
  it('is offered without a gc global, and hands back garbage at once', () => {
    const collect = fullCollection();
    expect(collect).toBeTypeOf('function');
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    collect!();
    const before = process.memoryUsage().heapUsed;
    let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i + 0.5));
    expect(process.memoryUsage().heapUsed - before).toBeGreaterThan(10 * 1024 * 1024);
    garbage = null;
    collect!();
    expect(garbage).toBeNull();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(2 * 1024 * 1024);
  });
});
