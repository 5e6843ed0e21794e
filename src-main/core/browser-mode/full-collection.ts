import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, on demand, or null where V8 does not offer one. V8 collects as
 * it allocates: after a burst of large requests, a core with nothing more to do keeps their
 * garbage (hundreds of MB of request text) until it allocates again, which may be much
 * later. `--expose-gc` is turned on only long enough to take V8's `gc` into a context of its
 * own (nothing else sees a `gc` global), then off again.
 */
export function fullCollection(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
