/** What the timeline bench page offers the bench (bench/timeline-draw.ts), on its global object. */
export interface BenchPage {
  /** The lanes as JSON text: a string crosses from the bench far faster than objects. */
  showTimeline(lanesJson: string, fromMs: number, untilMs: number): Promise<{ parse: number; paint: number }>;
  /** Starts timing frames; the returned function stops and gives the deltas between them. */
  recordFrames(): () => number[];
  /** The painting alone, frame after frame of a pan; `readBack`: wait for the canvas each frame. */
  drawTimes(fromMs: number, untilMs: number, frames: number, readBack: boolean): number[];
  stopFrames?: () => number[];
}
