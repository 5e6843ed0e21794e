import { noticeNeedsSomeone } from '../../../src-shared/notice-levels';
import type { AppNotice } from './notices-slice';

/**
 * The notices to pop up now: those that need someone and that this window has not seen yet.
 * Every notice given is marked seen in `seen`, so each pops up once; the notices there when
 * the window first read the list (`baseline`) are in the bell already and never pop up.
 */
export function alertsToToast(notices: readonly AppNotice[], seen: Set<string>, baseline: boolean): AppNotice[] {
  const fresh = notices.filter((n) => !seen.has(n.id));
  for (const n of fresh) seen.add(n.id);
  return baseline ? [] : fresh.filter((n) => noticeNeedsSomeone(n.level));
}
