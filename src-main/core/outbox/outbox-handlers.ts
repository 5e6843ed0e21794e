import { ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { Outbox } from './outbox';

export function outboxHandlers(outbox: Outbox): Pick<Handlers, 'outbox.list' | 'outbox.cancel' | 'outbox.retry' | 'outbox.applyAnyway'> {
  return {
    'outbox.list': async ({ rigId }) => ok({ entries: await outbox.list(rigId) }),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    'outbox.retry': ({ id }) => outbox.retry(id),
    'outbox.applyAnyway': ({ id }) => outbox.applyAnyway(id),
  };
}
