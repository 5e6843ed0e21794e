import { useEffect, useState } from 'react';

/** This PC's clock, re-read every `intervalMs` while `active`: lets times tick between polls. */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // The clock was not read while inactive: a time shown now must not be measured from then.
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
