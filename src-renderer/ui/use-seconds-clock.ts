import { useSyncExternalStore } from 'react';

/**
 * This PC's clock, ticking once a second for every component that shows an age: one timer
 * for the whole window, running only while something shows one.
 */
const listeners = new Set<() => void>();
let nowMs = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    nowMs = Date.now();
    timer = setInterval(() => {
      nowMs = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useSecondsClock(): number {
  return useSyncExternalStore(subscribe, () => nowMs);
}
