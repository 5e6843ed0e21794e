import type { MotifError } from '../../contract/errors';
import { toMotifError } from '../errors';

export { toMotifError };

export type FanOutResult<T, R> =
  | { target: T; ok: true; value: R; elapsedMs: number }
  | { target: T; ok: false; error: MotifError; elapsedMs: number };

/**
 * Run `fn` on every target (rig or camera) at once and report each outcome: one slow or
 * failing rig neither delays nor fails the others. `concurrency` caps calls in flight;
 * `onSettled` hears each outcome as it comes, before the slowest target has answered.
 */
export async function fanOut<T, R>(
  targets: readonly T[],
  fn: (target: T, index: number) => Promise<R>,
  options: { concurrency?: number; onSettled?: (result: FanOutResult<T, R>) => void } = {},
): Promise<FanOutResult<T, R>[]> {
  const results: FanOutResult<T, R>[] = new Array(targets.length);
  const runOne = async (index: number): Promise<void> => {
    const target = targets[index]!;
    const started = performance.now();
    try {
      const value = await fn(target, index);
      results[index] = { target, ok: true, value, elapsedMs: performance.now() - started };
    } catch (e) {
      results[index] = { target, ok: false, error: toMotifError(e), elapsedMs: performance.now() - started };
    }
    options.onSettled?.(results[index]);
  };
  const limit = Math.max(1, Math.min(options.concurrency ?? targets.length, targets.length));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
