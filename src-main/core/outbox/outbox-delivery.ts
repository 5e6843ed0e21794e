import type { MotifError } from '../../contract/errors';
import type { Outbox } from './outbox';
import type { RigCommand } from '../operations/command-builders';
import type { Delivery } from '../operations/run-on-targets';

/** A refusal that already has its contract value (the outbox answers with Results). */
export class CommandRefused extends Error {
  constructor(readonly error: MotifError) {
    super(error.message);
  }
  toMotifError(): MotifError {
    return this.error;
  }
}

/** Operations' `submitChange` on the offline outbox: sent now, queued, or refused. */
export function outboxDelivery(outbox: Pick<Outbox, 'submitChange'>) {
  return async (rigId: string, command: RigCommand): Promise<Delivery> => {
    const r = await outbox.submitChange(rigId, command.endpoint, command.args);
    if (!r.ok) throw new CommandRefused(r.error);
    return r.value.outcome === 'sent' ? { delivery: 'sent', value: r.value.result } : { delivery: 'queued' };
  };
}
