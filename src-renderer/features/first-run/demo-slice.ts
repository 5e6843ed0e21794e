import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { AppSlice } from '../../store/app-store';

export interface DemoSlice {
  demoStarting: boolean;
  demoError: MotifError | null;
  /** Main starts two simulated rigs and adds them; they arrive through `rigs.changed`. */
  startDemo(): Promise<void>;
}

export const demoSlice =
  (bridge: MotifBridge): AppSlice<DemoSlice> =>
  (set, get) => ({
    demoStarting: false,
    demoError: null,
    async startDemo() {
      set({ demoStarting: true, demoError: null });
      const r = await bridge.call('demo.start', {});
      set({ demoStarting: false, demoError: r.ok ? null : r.error });
      if (r.ok) await Promise.all([get().loadRigs(), get().loadStatuses()]);
    },
  });
