import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { Result } from '../../../src-main/contract/errors';
import type { Res } from '../../../src-main/contract/requests';
import type { OutputValue } from '../../../src-main/contract/requests/operations';
import type { Target } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

const NAMES_KEY = 'motif-control.output-names';
/** Output names most rigs have; the user's own names on a rig come first. */
export const DEFAULT_OUTPUT_NAMES = ['led', 'ledgreen'];

export interface OutputsSlice {
  /** Output names typed before, per rig, newest first (kept in this browser's storage). */
  outputNamesByRig: Record<string, string[]>;
  /** Reads the names kept in this browser's storage (after the first requests left: the first read of the storage can be slow). */
  loadOutputNames(): void;
  /** Sets the output and, where that worked, remembers its name for the rig. */
  setOutput(target: Target, name: string, value: OutputValue): Promise<Result<Res<'outputs.set'>>>;
}

/** The browser's localStorage where there is one (not in Node-run tests). */
interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const textStore = (): TextStore | undefined => (globalThis as { localStorage?: TextStore }).localStorage;

function loadNames(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(textStore()?.getItem(NAMES_KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

export const outputsSlice =
  (bridge: MotifBridge): AppSlice<OutputsSlice> =>
  (set, get) => {
    const remember = (rigId: string, name: string) => {
      const previous = get().outputNamesByRig[rigId] ?? [];
      const next = { ...get().outputNamesByRig, [rigId]: [name, ...previous.filter((n) => n !== name)].slice(0, 20) };
      set({ outputNamesByRig: next });
      textStore()?.setItem(NAMES_KEY, JSON.stringify(next));
    };
    return {
      outputNamesByRig: {},
      loadOutputNames: () => set({ outputNamesByRig: { ...loadNames(), ...get().outputNamesByRig } }),
      async setOutput(target, name, value) {
        const r = await bridge.call('outputs.set', { targets: [target], name, value });
        if (r.ok && r.value.some((o) => o.ok)) remember(target.rigId, name);
        return r;
      },
    };
  };
