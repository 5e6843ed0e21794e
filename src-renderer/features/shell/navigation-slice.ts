import type { AppSlice } from '../../store/app-store';

export const rigTabs = ['overview', 'cameras', 'recordings', 'outputs', 'schedule', 'multicam'] as const;
export type RigTab = (typeof rigTabs)[number];

export const rigTabLabels: Record<RigTab, string> = {
  overview: 'Overview',
  cameras: 'Cameras',
  recordings: 'Recordings',
  outputs: 'Outputs',
  schedule: 'Schedule',
  multicam: 'Multicam & message',
};

/** Which area the window shows; one rig's detail opens on one of its tabs. */
export type View =
  | { kind: 'dashboard' }
  | { kind: 'rig'; rigId: string; tab: RigTab }
  | { kind: 'outbox' }
  | { kind: 'audit' };

export interface NavigationSlice {
  view: View;
  navigate(view: View): void;
  openRig(rigId: string, tab?: RigTab): void;
}

export const navigationSlice: AppSlice<NavigationSlice> = (set) => ({
  view: { kind: 'dashboard' },
  navigate: (view) => set({ view }),
  openRig: (rigId, tab = 'overview') => set({ view: { kind: 'rig', rigId, tab } }),
});
