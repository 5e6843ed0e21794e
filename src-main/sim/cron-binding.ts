/** The scheduler's view of the cron engine in src-main/core/cron. */
import type { CronEngine } from './scheduler';

// Interim binding until src-main/core/cron lands: checks the field count, never fires.
export const cronEngine: CronEngine = {
  validate(expression) {
    const n = expression.trim().split(/\s+/).length;
    return n === 6 || n === 7 ? null : `cron expression '${expression}' needs 6 or 7 fields, got ${n}`;
  },
  nextAfter() {
    return null;
  },
};
