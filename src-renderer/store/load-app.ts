import type { AppStore } from './app-store';

/** Reads what every view starts from: at start, and again when the link to the core is back (events sent meanwhile were lost). */
export function loadApp(store: AppStore): void {
  const s = store.getState();
  void s.loadAppInfo();
  void s.loadRigs();
  void s.loadStatuses();
  void s.loadNotices();
}

/** Keeps the rigs, their status and the notices current for as long as the window lives. */
export function watchApp(store: AppStore): void {
  const s = store.getState();
  s.watchRigs();
  s.watchStatuses();
  s.watchNotices();
}
