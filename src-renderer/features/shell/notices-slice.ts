import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Res } from '../../../src-main/contract/requests';
import type { AppSlice } from '../../store/app-store';

export type AppNotice = Res<'app.notices'>[number];

export interface NoticesSlice {
  /** What main wants the user to know outside any request (a corrupt config moved aside, an alert about a rig), not dismissed yet. */
  notices: AppNotice[];
  /** The first list was read: notices after it are new to this window. */
  noticesLoaded: boolean;
  /** Why the last dismiss did not go through. */
  noticesError: MotifError | null;
  loadNotices(): Promise<void>;
  watchNotices(): () => void;
  /** Dismissed for good (main keeps the list, so every window and a restart agree). */
  dismissNotice(id: string): Promise<void>;
}

export const noticesSlice =
  (bridge: MotifBridge): AppSlice<NoticesSlice> =>
  (set) => ({
    notices: [],
    noticesLoaded: false,
    noticesError: null,
    async loadNotices() {
      const r = await bridge.call('app.notices', {});
      if (r.ok) set({ notices: r.value, noticesLoaded: true });
    },
    watchNotices: () => bridge.on('app.notices.changed', (notices) => set({ notices })),
    async dismissNotice(id) {
      const r = await bridge.call('app.notices.dismiss', { id });
      set(r.ok ? { notices: r.value, noticesError: null } : { noticesError: r.error });
    },
  });
