import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { AppInfo } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

export interface AboutSlice {
  appInfo: AppInfo | null;
  appInfoError: MotifError | null;
  loadAppInfo(): Promise<void>;
}

export const aboutSlice =
  (bridge: MotifBridge): AppSlice<AboutSlice> =>
  (set) => ({
    appInfo: null,
    appInfoError: null,
    async loadAppInfo() {
      const r = await bridge.call('app.info', {});
      set(r.ok ? { appInfo: r.value, appInfoError: null } : { appInfoError: r.error });
    },
  });
