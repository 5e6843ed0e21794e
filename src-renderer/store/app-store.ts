import { create, type StateCreator } from 'zustand';
import type { MotifBridge } from '../../src-main/contract/bridge';
import { aboutSlice, type AboutSlice } from '../features/about/about-slice';
import { rigsSlice, type RigsSlice } from '../features/rigs/rigs-slice';
import type { ConnectionState } from '../transport/ws-bridge';

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection(state: ConnectionState): void;
}

export type AppState = ConnectionSlice & AboutSlice & RigsSlice;
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
  }));

export type AppStore = ReturnType<typeof createAppStore>;
