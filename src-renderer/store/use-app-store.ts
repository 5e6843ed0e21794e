import { createContext, useContext, useRef } from 'react';
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
 * Select a derived value (a new object each time) and re-render only when `equal` says it
 * changed: a dialog about 200 rigs must not re-render with every status they send.
 */
export function useAppStoreEqual<T>(selector: (state: AppState) => T, equal: (a: T, b: T) => boolean): T {
  const last = useRef<{ value: T } | null>(null);
  return useAppStore((state) => {
    const next = selector(state);
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  });
}

/** Equal as JSON: for small derived values (a codec list and its note). */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Send any request of the contract by name, typed by it: `call('cameras.read', { target, names })`.
 * For one-shot commands whose answer only the caller needs; requests that change state the
 * store keeps (rigs, statuses, schedules, the outbox...) go through their slices.
 */
export function useCall(): CallSlice['call'] {
  return useAppStore((s) => s.call);
}
