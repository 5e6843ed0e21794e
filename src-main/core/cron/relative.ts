/**
 * When a camera-relative task runs: the one answer the Schedule tab, `motifctl cron
 * --relative-to`, the protocol plan, the protocol editor and the simulator all give.
 *
 * The rig arms a camera-relative task when its camera starts recording, and from then on
 * asks for the next matching second after the present one, as it does for every task. The
 * start instant is that present when the task is armed, so it never fires: the first run
 * is the first matching second strictly after the start. The vendor's own example agrees
 * (`0 * %2 ? * * *` on a recording started at 13:14:00 lists 15:14, not 13:14, although
 * hour 0 of the virtual clock is even). So every fifth minute (`0 0/5 * * * *`) first
 * runs 5 minutes after the start, and an expression matching only the start itself
 * (`0 0 0 1 1 ?`) first runs a year later.
 */
import { FIRST_RELATIVE_SECOND } from '../../../src-shared/camera-relative';
import type { CronExpression } from './fields';
import { next, type NextResult } from './next';

export { FIRST_RELATIVE_SECOND };

/**
 * The next `count` runs of a camera-relative task on a recording started at
 * `recordingStart`, strictly after `after` (default: the start). Never at the start itself.
 */
export function relativeRuns(expr: CronExpression, recordingStart: Date, count: number, after: Date = recordingStart): NextResult {
  // `next` lists times strictly after its `from`: one second before the first possible run.
  const earliest = recordingStart.getTime() + (FIRST_RELATIVE_SECOND - 1) * 1000;
  const from = new Date(Math.max(after.getTime(), earliest));
  return next(expr, from, count, { epoch: recordingStart });
}

/** The first `count` runs as seconds after the recording start. */
export function relativeOffsets(expr: CronExpression, count: number): { offsets: number[]; exhausted: boolean; reason?: string } {
  const found = relativeRuns(expr, new Date(0), count);
  return { offsets: found.times.map((t) => t.getTime() / 1000), exhausted: found.exhausted, ...(found.reason ? { reason: found.reason } : {}) };
}
