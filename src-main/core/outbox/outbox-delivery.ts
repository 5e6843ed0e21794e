import { CoreError } from '../errors';
import type { Outbox } from './outbox';
import type { RigCommand } from '../operations/command-builders';
import type { Delivery } from '../operations/run-on-targets';

/** Operations' `submitChange` on the offline outbox: sent now, queued, or refused. */
export function outboxDelivery(outbox: Pick<Outbox, 'submitChange'>) {
  return async (rigId: string, command: RigCommand): Promise<Delivery> => {
    const r = await outbox.submitChange(rigId, command.endpoint, command.args);
    if (!r.ok) throw CoreError.from(r.error);
    return r.value.outcome === 'sent' ? { delivery: 'sent', value: r.value.result } : { delivery: 'queued' };
  };
}
