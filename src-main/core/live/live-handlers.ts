import { ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { LiveHub } from './live-hub';

export type LiveHandlers = Pick<Handlers, 'live.watch' | 'live.unwatch' | 'live.frame'>;

export function liveHandlers(hub: LiveHub): LiveHandlers {
  return {
    'live.watch': async ({ rigId, serial, mode }) => ok(await hub.watch(rigId, serial, mode)),
    'live.unwatch': async ({ watchId }) => ok({ closed: await hub.unwatch(watchId) }),
    'live.frame': async ({ watchId, waitMs, maxWidth }) => ok(await hub.frame(watchId, waitMs, maxWidth)),
  };
}
