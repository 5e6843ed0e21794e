import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { Result } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { RecordingOptions } from '../../../src-main/contract/requests/operations';
import type { Target, TargetOutcome } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

type Outcomes = Result<TargetOutcome[]>;

export interface RecordingSlice {
  /** One call for all targets, so every rig starts at once; never retried (a second start could double a recording). */
  startRecording(targets: Target[], options: RecordingOptions): Promise<Outcomes>;
  stopRecording(targets: Target[]): Promise<Outcomes>;
  copyRecordings(targets: Target[], options: Args<'recordings.copy'>['options']): Promise<Outcomes>;
}

export const recordingSlice =
  (bridge: MotifBridge): AppSlice<RecordingSlice> =>
  (_set, get) => {
    // The status shown should follow an action at once, not at the next poll.
    const refreshAfter = async (targets: Target[], result: Outcomes): Promise<Outcomes> => {
      await Promise.all([...new Set(targets.map((t) => t.rigId))].map((rigId) => get().refreshStatus(rigId)));
      return result;
    };
    return {
      startRecording: async (targets, options) =>
        refreshAfter(targets, await bridge.call('recording.start', { targets, options })),
      stopRecording: async (targets) => refreshAfter(targets, await bridge.call('recording.stop', { targets })),
      copyRecordings: async (targets, options) =>
        refreshAfter(targets, await bridge.call('recordings.copy', { targets, options })),
    };
  };
