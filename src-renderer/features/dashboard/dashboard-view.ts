import { useEffect, useState } from 'react';
import { z } from 'zod';
import { FLEET_GROUPS, SORT_ORDERS } from './fleet-model';

export const LAYOUTS = ['cards', 'rows', 'dense'] as const;
export type DashboardLayout = (typeof LAYOUTS)[number];

/** How the dashboard shows the fleet; null layout: chosen by the number of rigs. */
const DashboardView = z.object({
  layout: z.enum(LAYOUTS).nullable().catch(null),
  search: z.string().max(200).catch(''),
  sort: z.enum(SORT_ORDERS).catch('name'),
  group: z.enum(FLEET_GROUPS).nullable().catch(null),
  tags: z.array(z.string()).catch([]),
});
export type DashboardView = z.infer<typeof DashboardView>;

const KEY = 'motif-control-dashboard-view';
export const defaultView: DashboardView = { layout: null, search: '', sort: 'name', group: null, tags: [] };

/** The saved view, each field falling back to its default when missing or unreadable (an older version's). */
export function parseView(text: string | null): DashboardView {
  try {
    const parsed = DashboardView.safeParse(JSON.parse(text ?? '{}'));
    return parsed.success ? parsed.data : defaultView;
  } catch {
    return defaultView;
  }
}

/** The browser's sessionStorage where there is one (not in Node-run tests). */
interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const sessionStore = (): TextStore | undefined => (globalThis as { sessionStorage?: TextStore }).sessionStorage;

/**
 * The dashboard's layout, search, sort and filters, kept for the browser session: they survive
 * switching to a rig and back, and a reload, but a new window starts afresh.
 */
export function useDashboardView(): [DashboardView, (patch: Partial<DashboardView>) => void] {
  const [view, setView] = useState<DashboardView>(() => parseView(sessionStore()?.getItem(KEY) ?? null));
  useEffect(() => sessionStore()?.setItem(KEY, JSON.stringify(view)), [view]);
  return [view, (patch) => setView((v) => ({ ...v, ...patch }))];
}
