import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { Args, RequestName, Res, RigSummary } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

/** The registry requests the rig dialogs make: every `rigs.*` of the contract but the list. Each answer goes back to the dialog that asked. */
type RigRequest = Exclude<Extract<RequestName, `rigs.${string}`>, 'rigs.list'>;

/** Whether a rig request changes the rig list, so that the list is read again after it; a new request must say. */
const changesRigs: Record<RigRequest, boolean> = {
  'rigs.add': true,
  'rigs.update': true,
  'rigs.remove': true,
  'rigs.setKey': true,
  'rigs.clearKey': true,
  'rigs.trust': true,
  'rigs.import': true,
  'rigs.probeCertificate': false,
  'rigs.testConnection': false,
  'rigs.export': false,
  'rigs.keychain': false,
};

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

export const rigsSlice =
  (bridge: MotifBridge): AppSlice<RigsSlice> =>
  (set, get) => ({
    rigs: [],
    rigsLoaded: false,
    rigsError: null,
    async loadRigs() {
      const r = await bridge.call('rigs.list', {});
      // On failure keep the last known rigs: a lab wants stale data, marked, over none.
      set(r.ok ? { rigs: keepUnchanged(get().rigs, r.value), rigsLoaded: true, rigsError: null } : { rigsError: r.error });
    },
    watchRigs: () => bridge.on('rigs.changed', ({ rigs }) => set({ rigs: keepUnchanged(get().rigs, rigs), rigsLoaded: true })),
    async rigRequest(name, args) {
      const result = await bridge.call(name, args);
      if (result.ok && changesRigs[name]) await get().loadRigs();
      return result;
    },
    async findRigByName(name) {
      await get().loadRigs();
      const wanted = name.trim().toLowerCase();
      return get().rigs.find((r) => r.name.trim().toLowerCase() === wanted);
    },
  });

/**
 * The new list, with the objects of rigs that did not change kept as they were: one rig edited
 * redraws that rig's row, not all 200.
 */
export function keepUnchanged(before: readonly RigSummary[], after: RigSummary[]): RigSummary[] {
  const old = new Map(before.map((r) => [r.id, r]));
  return after.map((rig) => {
    const kept = old.get(rig.id);
    return kept && JSON.stringify(kept) === JSON.stringify(rig) ? kept : rig;
  });
}
