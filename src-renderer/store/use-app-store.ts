import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore, CallSlice } from './app-store';

export const StoreContext = createContext<AppStore | null>(null);

/** Select narrowly from the app store of the nearest provider. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreContext.Provider>');
  return useStore(store, selector);
}

/**
 * Send any request of the contract by name, typed by it: `call('cameras.read', { target, names })`.
 * For one-shot commands whose answer only the caller needs; requests that change state the
 * store keeps (rigs, statuses, schedules, the outbox...) go through their slices.
 */
export function useCall(): CallSlice['call'] {
  return useAppStore((s) => s.call);
}
