import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { Res } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

export type AppNotice = Res<'app.notices'>[number];

export interface NoticesSlice {
  /** What main wants the user to know outside any request (e.g. a corrupt config moved aside). */
  notices: AppNotice[];
  dismissedNoticeIds: string[];
  loadNotices(): Promise<void>;
  dismissNotice(id: string): void;
}

export const noticesSlice =
  (bridge: MotifBridge): AppSlice<NoticesSlice> =>
  (set) => ({
    notices: [],
    dismissedNoticeIds: [],
    async loadNotices() {
      const r = await bridge.call('app.notices', {});
      if (r.ok) set({ notices: r.value });
    },
    dismissNotice: (id) => set((s) => ({ dismissedNoticeIds: [...s.dismissedNoticeIds, id] })),
  });
