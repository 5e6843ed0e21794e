import type { LiveFrame } from '../../../src-main/contract/requests/live';

/**
 * Puts arriving frames on screen as soon as they come, at most one per display frame: a
 * frame that arrives when this display frame already has one waits for the next, replaced
 * by any newer one (latest frame wins here too). Drawing at arrival, not at the next
 * animation frame, saves up to a display frame of latency.
 */
export class FramePacer {
  private waiting: LiveFrame | null = null;
  private busy = false;
  private stopped = false;
  /** Frames put on screen, and frames replaced here before they could be. */
  shown = 0;
  replaced = 0;
  /** Frame time (else core receipt) to the display frame that shows it, ms, of the last frame shown. */
  latencyMs: number | null = null;

  constructor(
    private readonly draw: (frame: LiveFrame) => void,
    /** Calls back at the next display frame (requestAnimationFrame). */
    private readonly nextFrame: (callback: () => void) => void,
    private readonly now: () => number = Date.now,
  ) {}

  offer(frame: LiveFrame): void {
    if (this.stopped) return;
    if (this.busy) {
      if (this.waiting) this.replaced += 1;
      this.waiting = frame;
      return;
    }
    this.show(frame);
  }

  stop(): void {
    this.stopped = true;
    this.waiting = null;
  }

  private show(frame: LiveFrame): void {
    this.busy = true;
    this.draw(frame);
    // The next animation frame is the one that presents what was just drawn.
    this.nextFrame(() => {
      this.shown += 1;
      this.latencyMs = this.now() - (frame.frameTime !== null ? frame.frameTime * 1000 : frame.receivedAtMs);
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      if (next && !this.stopped) this.show(next);
    });
  }
}
