import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { AppSlice } from '../../store/app-store';
import { frameBatch } from '../../store/frame-batch';

export interface StatusSlice {
  /** Last known status per rig id, from `status.list` and `rig.status` events. */
  statuses: Record<string, RigStatus>;
  statusError: MotifError | null;
  loadStatuses(): Promise<void>;
  watchStatuses(): () => void;
  /** Poll now and wait for the answers (one rig, or all). */
  refreshStatus(rigId?: string): Promise<void>;
  /** When each rig was last read, from `status.watch`'s answers: a status is pushed only when it changed. */
  readAtMs: Record<string, number | null>;
  /** Tell the core these rigs are on screen (read every second for a while); learn when each rig was read. */
  lookAtRigs(rigIds: string[]): Promise<void>;
}

const byRig = (list: RigStatus[]): Record<string, RigStatus> => Object.fromEntries(list.map((s) => [s.rigId, s]));

export const statusSlice =
  (bridge: MotifBridge): AppSlice<StatusSlice> =>
  (set) => ({
    statuses: {},
    statusError: null,
    async loadStatuses() {
      const r = await bridge.call('status.list', {});
      // On failure keep what was known: it is shown stale rather than not at all.
      set(r.ok ? { statuses: byRig(r.value), statusError: null } : { statusError: r.error });
    },
    watchStatuses: () => {
      // One store update per paint, whatever the number of rigs that changed: each rig's entry
      // is replaced, the others keep their objects, so only that rig's components re-render.
      const batch = frameBatch<RigStatus>((changed) => set((s) => ({ statuses: { ...s.statuses, ...byRig(changed) } })));
      const stop = bridge.on('rig.status', (status) => batch.push(status));
      return () => {
        stop();
        batch.cancel();
      };
    },
    readAtMs: {},
    async lookAtRigs(rigIds) {
      const r = await bridge.call('status.watch', { rigIds });
      if (r.ok) set({ readAtMs: r.value.checkedAtMs });
    },
    async refreshStatus(rigId) {
      const r = await bridge.call('status.refresh', rigId ? { rigId } : {});
      if (r.ok) set((s) => ({ statuses: { ...s.statuses, ...byRig(r.value) }, statusError: null }));
      else set({ statusError: r.error });
    },
  });
