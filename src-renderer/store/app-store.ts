import { create, type StateCreator } from 'zustand';
import type { MotifBridge } from '../../src-main/contract/bridge';
import { aboutSlice, type AboutSlice } from '../features/about/about-slice';
import { selectionSlice, type SelectionSlice } from '../features/dashboard/selection-slice';
import { demoSlice, type DemoSlice } from '../features/first-run/demo-slice';
import { recordingSlice, type RecordingSlice } from '../features/recording/recording-slice';
import { rigsSlice, type RigsSlice } from '../features/rigs/rigs-slice';
import { dialogSlice, type DialogSlice } from '../features/shell/dialog-slice';
import { navigationSlice, type NavigationSlice } from '../features/shell/navigation-slice';
import { noticesSlice, type NoticesSlice } from '../features/shell/notices-slice';
import { statusSlice, type StatusSlice } from '../features/status/status-slice';
import type { ConnectionState } from '../transport/ws-bridge';
import { panelSlices, type PanelSlices } from './panel-slices';

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection(state: ConnectionState): void;
}

export type AppState = ConnectionSlice &
  AboutSlice &
  RigsSlice &
  StatusSlice &
  NavigationSlice &
  DialogSlice &
  NoticesSlice &
  SelectionSlice &
  RecordingSlice &
  DemoSlice &
  PanelSlices;
export type AppSlice<T> = StateCreator<AppState, [], [], T>;

const connectionSlice: AppSlice<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});

/** The bound store, composed from feature slices; the bridge is passed in so tests can supply their own. */
export const createAppStore = (bridge: MotifBridge) =>
  create<AppState>()((...a) => ({
    ...connectionSlice(...a),
    ...aboutSlice(bridge)(...a),
    ...rigsSlice(bridge)(...a),
    ...statusSlice(bridge)(...a),
    ...navigationSlice(...a),
    ...dialogSlice(...a),
    ...noticesSlice(bridge)(...a),
    ...selectionSlice(...a),
    ...recordingSlice(bridge)(...a),
    ...demoSlice(bridge)(...a),
    ...panelSlices(bridge)(...a),
  }));

export type AppStore = ReturnType<typeof createAppStore>;
