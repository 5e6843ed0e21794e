import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { Result } from '../../../src-main/contract/errors';
import type { Target, TargetOutcome } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

/** '__all' is Motif's "every camera" for connect and disconnect. */
export const ALL_CAMERAS_SERIAL = '__all';

export interface MulticamSlice {
  synchronizeCameras(rigId: string): Promise<Result<TargetOutcome[]>>;
  connectCamera(rigId: string, serial: string): Promise<Result<TargetOutcome[]>>;
  disconnectCamera(rigId: string, serial: string): Promise<Result<TargetOutcome[]>>;
  setExperimentMessage(target: Target, message: string): Promise<Result<TargetOutcome[]>>;
}

export const multicamSlice =
  (bridge: MotifBridge): AppSlice<MulticamSlice> =>
  () => ({
    synchronizeCameras: (rigId) => bridge.call('multicam.synchronize', { rigIds: [rigId] }),
    connectCamera: (rigId, serial) => bridge.call('multicam.connect', { rigId, serial }),
    disconnectCamera: (rigId, serial) => bridge.call('multicam.disconnect', { rigId, serial }),
    setExperimentMessage: (target, message) => bridge.call('experiment.message', { targets: [target], message }),
  });
