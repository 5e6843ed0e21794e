import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RecordingEntry } from '../../../src-main/contract/requests/operations';
import type { Target } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

export interface RecordingList {
  entries: RecordingEntry[];
  loading: boolean;
  error: MotifError | null;
}

/** Lists are kept per target key: "rigId" or "rigId/serial". */
export const listKey = (t: Target) => (t.serial ? `${t.rigId}/${t.serial}` : t.rigId);

export interface RecordingsSlice {
  recordingLists: Record<string, RecordingList>;
  loadRecordings(target: Target): Promise<void>;
}

export const recordingsSlice =
  (bridge: MotifBridge): AppSlice<RecordingsSlice> =>
  (set) => {
    const patch = (key: string, p: Partial<RecordingList>) =>
      set((s) => ({
        recordingLists: { ...s.recordingLists, [key]: { entries: [], loading: false, error: null, ...s.recordingLists[key], ...p } },
      }));
    return {
      recordingLists: {},
      async loadRecordings(target) {
        const key = listKey(target);
        patch(key, { loading: true });
        const r = await bridge.call('recordings.list', { target });
        // On failure keep the last list, marked with the error.
        patch(key, r.ok ? { entries: r.value, loading: false, error: null } : { loading: false, error: r.error });
      },
    };
  };
