import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { OutboxEntry } from '../../../src-main/contract/requests/outbox';
import type { AppSlice } from '../../store/app-store';

export interface OutboxSlice {
  outboxEntries: OutboxEntry[];
  outboxLoaded: boolean;
  outboxError: MotifError | null;
  loadOutbox(): Promise<void>;
  /** Reloads on every `outbox.changed`; returns the unsubscribe function. */
  watchOutbox(): () => void;
  cancelOutboxEntry(id: string): Promise<Result<unknown>>;
  retryOutboxEntry(id: string): Promise<Result<unknown>>;
  /** Send a change held as a conflict anyway, over what the rig shows now. */
  applyOutboxEntryAnyway(id: string): Promise<Result<unknown>>;
}

export const outboxSlice =
  (bridge: MotifBridge): AppSlice<OutboxSlice> =>
  (set, get) => ({
    outboxEntries: [],
    outboxLoaded: false,
    outboxError: null,
    async loadOutbox() {
      const r = await bridge.call('outbox.list', {});
      set(r.ok ? { outboxEntries: r.value.entries, outboxLoaded: true, outboxError: null } : { outboxError: r.error });
    },
    // The event says that something changed; the list is the one source of what.
    watchOutbox: () => bridge.on('outbox.changed', () => void get().loadOutbox()),
    async cancelOutboxEntry(id) {
      const r = await bridge.call('outbox.cancel', { id });
      await get().loadOutbox();
      return r;
    },
    async retryOutboxEntry(id) {
      const r = await bridge.call('outbox.retry', { id });
      await get().loadOutbox();
      return r;
    },
    async applyOutboxEntryAnyway(id) {
      const r = await bridge.call('outbox.applyAnyway', { id });
      await get().loadOutbox();
      return r;
    },
  });
