import type { AppSlice } from '../../store/app-store';

export const rigTabs = ['overview', 'cameras', 'recordings', 'outputs', 'schedule', 'multicam', 'live'] as const;
export type RigTab = (typeof rigTabs)[number];

export const rigTabLabels: Record<RigTab, string> = {
  overview: 'Overview',
  cameras: 'Cameras',
  recordings: 'Recordings',
  outputs: 'Outputs',
  schedule: 'Schedule',
  multicam: 'Multicam & message',
  live: 'Live',
};

/** Which area the window shows; one rig's detail opens on one of its tabs. */
export type View =
  | { kind: 'dashboard' }
  | { kind: 'rig'; rigId: string; tab: RigTab; /** The camera the Live tab opens on. */ camera?: string }
  | { kind: 'outbox' }
  | { kind: 'audit' }
  | { kind: 'protocols' }
  | { kind: 'wall' };

export interface NavigationSlice {
  view: View;
  navigate(view: View): void;
  openRig(rigId: string, tab?: RigTab, camera?: string): void;
}

export const navigationSlice: AppSlice<NavigationSlice> = (set) => ({
  view: { kind: 'dashboard' },
  navigate: (view) => set({ view }),
  openRig: (rigId, tab = 'overview', camera) => set({ view: camera === undefined ? { kind: 'rig', rigId, tab } : { kind: 'rig', rigId, tab, camera } }),
});
