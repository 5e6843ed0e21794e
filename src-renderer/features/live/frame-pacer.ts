import type { LiveFrame } from '../../../src-main/contract/requests/live';

/**
 * Where a shown frame's time went, ms: the rig's frame time to the app receiving it (null
 * when the stream gives no time), the app to this window, this window to the display frame
 * that showed it. Tells a lab whether lag comes from the network, the PC or the drawing.
 */
export interface LatencyStages {
  totalMs: number;
  rigToAppMs: number | null;
  appToWindowMs: number;
  windowToScreenMs: number;
}

/**
 * Puts arriving frames on screen as soon as they come, at most one per display frame: a
 * frame that arrives when this display frame already has one waits for the next, replaced
 * by any newer one (latest frame wins here too). Drawing at arrival, not at the next
 * animation frame, saves up to a display frame of latency.
 */
export class FramePacer {
  private waiting: { frame: LiveFrame; arrivedAtMs: number } | null = null;
  private busy = false;
  private stopped = false;
  /** Frames put on screen, and frames replaced here before they could be. */
  shown = 0;
  replaced = 0;
  /** Of the last frame shown: frame time (else the app's receipt) to the display frame that showed it. */
  latency: LatencyStages | null = null;

  constructor(
    private readonly draw: (frame: LiveFrame) => void,
    /** Calls back at the next display frame (requestAnimationFrame). */
    private readonly nextFrame: (callback: () => void) => void,
    private readonly now: () => number = Date.now,
  ) {}

  offer(frame: LiveFrame): void {
    if (this.stopped) return;
    const arrivedAtMs = this.now();
    if (this.busy) {
      if (this.waiting) this.replaced += 1;
      this.waiting = { frame, arrivedAtMs };
      return;
    }
    this.show(frame, arrivedAtMs);
  }

  stop(): void {
    this.stopped = true;
    this.waiting = null;
  }

  private show(frame: LiveFrame, arrivedAtMs: number): void {
    this.busy = true;
    this.draw(frame);
    // The next animation frame is the one that presents what was just drawn.
    this.nextFrame(() => {
      this.shown += 1;
      const shownAtMs = this.now();
      const rigToAppMs = frame.frameTime !== null ? frame.receivedAtMs - frame.frameTime * 1000 : null;
      const appToWindowMs = arrivedAtMs - frame.receivedAtMs;
      const windowToScreenMs = shownAtMs - arrivedAtMs;
      this.latency = { totalMs: (rigToAppMs ?? 0) + appToWindowMs + windowToScreenMs, rigToAppMs, appToWindowMs, windowToScreenMs };
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next && !this.stopped) this.show(next.frame, next.arrivedAtMs);
    });
  }
}
