import { create, type StateCreator } from 'zustand';
import type { MotifBridge } from '../../src-main/contract/bridge';
import type { Result } from '../../src-main/contract/errors';
import type { Args, RequestName, Res } from '../../src-main/contract/requests';
import { aboutSlice, type AboutSlice } from '../features/about/about-slice';
import { selectionSlice, type SelectionSlice } from '../features/dashboard/selection-slice';
import { demoSlice, type DemoSlice } from '../features/first-run/demo-slice';
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

/**
 * Any request of the contract by name, its answer going back to the caller alone: how
 * components send one-shot commands that keep no state in the store (see `useCall`).
 */
export interface CallSlice {
  call<N extends RequestName>(name: N, args: Args<N>): Promise<Result<Res<N>>>;
  /** Hear an event of the contract (progress of a command the caller sent); returns the unsubscribe. */
  listen: MotifBridge['on'];
}

export type AppState = ConnectionSlice &
  CallSlice &
  AboutSlice &
  RigsSlice &
  StatusSlice &
  NavigationSlice &
  DialogSlice &
  NoticesSlice &
  SelectionSlice &
  DemoSlice &
  PanelSlices;
export type AppSlice<T> = StateCreator<AppState, [], [], T>;

const connectionSlice: AppSlice<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});

const callSlice =
  (bridge: MotifBridge): AppSlice<CallSlice> =>
  () => ({
    call: (name, args) => bridge.call(name, args),
    listen: (event, listener) => bridge.on(event, listener),
  });

/** The bound store, composed from feature slices; the bridge is passed in so tests can supply their own. */
export const createAppStore = (bridge: MotifBridge) =>
  create<AppState>()((...a) => ({
    ...connectionSlice(...a),
    ...callSlice(bridge)(...a),
    ...aboutSlice(bridge)(...a),
    ...rigsSlice(bridge)(...a),
    ...statusSlice(bridge)(...a),
    ...navigationSlice(...a),
    ...dialogSlice(...a),
    ...noticesSlice(bridge)(...a),
    ...selectionSlice(...a),
    ...demoSlice(bridge)(...a),
    ...panelSlices(bridge)(...a),
  }));

export type AppStore = ReturnType<typeof createAppStore>;
