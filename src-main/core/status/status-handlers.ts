import { fail, ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { StatusMonitor } from './status-monitor';

export function statusHandlers(monitor: StatusMonitor): Pick<Handlers, 'status.list' | 'status.refresh'> {
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
  };
}
