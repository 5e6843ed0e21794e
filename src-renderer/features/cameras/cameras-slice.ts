import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { Result } from '../../../src-main/contract/errors';
import type { Args, Res } from '../../../src-main/contract/requests';
import type { Target, TargetOutcome } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

export interface CamerasSlice {
  readCameraParams(target: Target, names: string[]): Promise<Result<Res<'cameras.read'>>>;
  configureCameras(targets: Target[], params: Args<'cameras.configure'>['params']): Promise<Result<TargetOutcome[]>>;
}

export const camerasSlice =
  (bridge: MotifBridge): AppSlice<CamerasSlice> =>
  () => ({
    readCameraParams: (target, names) => bridge.call('cameras.read', { target, names }),
    configureCameras: (targets, params) => bridge.call('cameras.configure', { targets, params }),
  });
