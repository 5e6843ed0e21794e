import { fail, ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { StatusMonitor } from './status-monitor';

/** How long a window's `status.watch` lasts unless it says; it renews well within this. */
const WATCH_LEASE_MS = 10_000;

export function statusHandlers(monitor: StatusMonitor): Pick<Handlers, 'status.list' | 'status.refresh' | 'status.watch'> {
  return {
    'status.list': async () => {
      await monitor.ready();
      return ok(monitor.list());
    },
    'status.refresh': async ({ rigId }) => {
      await monitor.ready();
      if (rigId !== undefined && !monitor.list().some((s) => s.rigId === rigId)) {
        return fail('not-found', `There is no rig with id ${rigId}.`);
      }
      return ok(await monitor.refresh(rigId));
    },
    'status.watch': async ({ rigIds, forMs }) => {
      await monitor.ready();
      monitor.watch(rigIds, forMs ?? WATCH_LEASE_MS);
      return ok({ checkedAtMs: Object.fromEntries(monitor.list().map((s) => [s.rigId, s.checkedAtMs])) });
    },
  };
}
