/**
 * Collects what arrives between two paints and hands it over once, at the next animation
 * frame: a burst of 200 rigs' changes costs the page one update, not 200. A hidden page gets
 * no animation frames, so a timer hands it over too (whichever comes first).
 */
type FrameApi = { requestAnimationFrame?(run: () => void): number; cancelAnimationFrame?(frame: number): void };
// The page has animation frames; Node (unit tests) has only the timer.
const frames = globalThis as FrameApi;

export function frameBatch<T>(flush: (items: T[]) => void, fallbackMs = 250): { push(item: T): void; cancel(): void } {
  let items: T[] = [];
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (frame !== null) frames.cancelAnimationFrame?.(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
    const taken = items;
    items = [];
    if (taken.length > 0) flush(taken);
  };
  return {
    push(item) {
      items.push(item);
      if (timer !== null) return;
      frame = frames.requestAnimationFrame?.(run) ?? null;
      timer = setTimeout(run, fallbackMs);
    },
    cancel() {
      if (frame !== null) frames.cancelAnimationFrame?.(frame);
      if (timer !== null) clearTimeout(timer);
      frame = null;
      timer = null;
      items = [];
    },
  };
}
