import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { Args, Res, RigSummary } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

/** The registry requests the rig dialogs make; each answer goes back to the dialog that asked. */
type RigRequest =
  | 'rigs.add'
  | 'rigs.update'
  | 'rigs.remove'
  | 'rigs.setKey'
  | 'rigs.clearKey'
  | 'rigs.probeCertificate'
  | 'rigs.trust'
  | 'rigs.testConnection'
  | 'rigs.export'
  | 'rigs.import';

export interface RigsSlice {
  rigs: RigSummary[];
  rigsLoaded: boolean;
  rigsError: MotifError | null;
  loadRigs(): Promise<void>;
  watchRigs(): () => void;
  /** Calls main and refreshes the rig list after a change; API keys pass through, never stored here. */
  rigRequest<N extends RigRequest>(name: N, args: Args<N>): Promise<Result<Res<N>>>;
  /** Re-read the list and find a rig by name (e.g. whether a failed add saved the rig anyway). */
  findRigByName(name: string): Promise<RigSummary | undefined>;
}

const changesRigs = new Set<RigRequest>(['rigs.add', 'rigs.update', 'rigs.remove', 'rigs.setKey', 'rigs.clearKey', 'rigs.trust', 'rigs.import']);

export const rigsSlice =
  (bridge: MotifBridge): AppSlice<RigsSlice> =>
  (set, get) => ({
    rigs: [],
    rigsLoaded: false,
    rigsError: null,
    async loadRigs() {
      const r = await bridge.call('rigs.list', {});
      // On failure keep the last known rigs: a lab wants stale data, marked, over none.
      set(r.ok ? { rigs: r.value, rigsLoaded: true, rigsError: null } : { rigsError: r.error });
    },
    watchRigs: () => bridge.on('rigs.changed', ({ rigs }) => set({ rigs, rigsLoaded: true })),
    async rigRequest(name, args) {
      const result = await bridge.call(name, args);
      if (result.ok && changesRigs.has(name)) await get().loadRigs();
      return result;
    },
    async findRigByName(name) {
      await get().loadRigs();
      const wanted = name.trim().toLowerCase();
      return get().rigs.find((r) => r.name.trim().toLowerCase() === wanted);
    },
  });
