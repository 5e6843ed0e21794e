import { describe, expect, it } from 'vitest';
import { fanOut } from '../../../../../src-main/core/motif-api/fan-out';
import { RigCallError } from '../../../../../src-main/core/motif-api/rig-call-error';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fanOut', () => {
  it('runs every target at once and keeps the order of targets', async () => {
    const started = performance.now();
    const results = await fanOut([50, 10, 30], async (ms) => {
      await sleep(ms);
      return ms * 2;
    });
    const wallMs = performance.now() - started;
    expect(results.map((r) => (r.ok ? r.value : null))).toEqual([100, 20, 60]);
    expect(wallMs).toBeLessThan(50 + 10 + 30); // concurrent, not serialised
  });

  it('reports each failure as a contract error without failing the others', async () => {
    const results = await fanOut(['a', 'b', 'c'], async (t) => {
      if (t === 'b') throw new RigCallError('rig-timeout', 'Rig b did not answer.', { rig: 'b:6083' });
      if (t === 'c') throw new Error('boom');
      return t;
    });
    expect(results[0]).toMatchObject({ target: 'a', ok: true, value: 'a' });
    expect(results[1]).toMatchObject({ target: 'b', ok: false, error: { code: 'rig-timeout', message: 'Rig b did not answer.' } });
    expect(results[2]).toMatchObject({ target: 'c', ok: false, error: { code: 'internal' } });
  });

  it('caps calls in flight when asked', async () => {
    let inFlight = 0;
    let peak = 0;
    await fanOut([1, 2, 3, 4, 5, 6], async () => {
      peak = Math.max(peak, ++inFlight);
      await sleep(5);
      inFlight--;
    }, { concurrency: 2 });
    expect(peak).toBe(2);
  });
});
