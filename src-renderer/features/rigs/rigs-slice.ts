import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

export interface RigsSlice {
  rigs: RigSummary[];
  rigsLoaded: boolean;
  rigsError: MotifError | null;
  loadRigs(): Promise<void>;
  watchRigs(): () => void;
}

export const rigsSlice =
  (bridge: MotifBridge): AppSlice<RigsSlice> =>
  (set) => ({
    rigs: [],
    rigsLoaded: false,
    rigsError: null,
    async loadRigs() {
      const r = await bridge.call('rigs.list', {});
      // On failure keep the last known rigs: a lab wants stale data, marked, over none.
      set(r.ok ? { rigs: r.value, rigsLoaded: true, rigsError: null } : { rigsError: r.error });
    },
    watchRigs: () => bridge.on('rigs.changed', ({ rigs }) => set({ rigs, rigsLoaded: true })),
  });
