import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { AppSlice } from '../../store/app-store';

export interface StatusSlice {
  /** Last known status per rig id, from `status.list` and `rig.status` events. */
  statuses: Record<string, RigStatus>;
  statusError: MotifError | null;
  loadStatuses(): Promise<void>;
  watchStatuses(): () => void;
  /** Poll now and wait for the answers (one rig, or all). */
  refreshStatus(rigId?: string): Promise<void>;
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
    watchStatuses: () =>
      bridge.on('rig.status', (status) => set((s) => ({ statuses: { ...s.statuses, [status.rigId]: status } }))),
    async refreshStatus(rigId) {
      const r = await bridge.call('status.refresh', rigId ? { rigId } : {});
      if (r.ok) set((s) => ({ statuses: { ...s.statuses, ...byRig(r.value) }, statusError: null }));
      else set({ statusError: r.error });
    },
  });
