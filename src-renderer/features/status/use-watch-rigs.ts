import { useEffect } from 'react';
import { useAppStore } from '../../store/use-app-store';

/** Renewed well within the core's lease (10 s), and often enough that "read 3 s ago" is true. */
const RENEW_MS = 2500;

/**
 * The rigs this component shows are looked at: the core reads them every second while it is
 * on screen (idle rigs out of view are read less often), and the window learns when each rig
 * was last read. Renewed while the page is visible; a hidden page lets the lease lapse.
 */
export function useWatchRigs(rigIds: readonly string[]): void {
  const lookAtRigs = useAppStore((s) => s.lookAtRigs);
  const key = rigIds.join('\n');
  useEffect(() => {
    const ids = key === '' ? [] : key.split('\n');
    const renew = () => {
      if (document.visibilityState !== 'hidden') void lookAtRigs(ids);
    };
    renew();
    const timer = setInterval(renew, RENEW_MS);
    document.addEventListener('visibilitychange', renew);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', renew);
    };
  }, [key, lookAtRigs]);
}
