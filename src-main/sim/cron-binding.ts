/** The scheduler's view of the cron engine in src-main/core/cron. */
import { type CronExpression, next, parse, relativeRuns } from '../core/cron';
import type { CronEngine } from './scheduler';

// Tasks re-arm after every fire; parse each expression text once.
const parsed = new Map<string, CronExpression>();

function compiled(expression: string): CronExpression | null {
  const hit = parsed.get(expression);
  if (hit) return hit;
  const r = parse(expression);
  if (!r.ok) return null;
  parsed.set(expression, r.value);
  return r.value;
}

export const cronEngine: CronEngine = {
  validate(expression) {
    const r = parse(expression);
    return r.ok ? null : r.error.message;
  },
  nextAfter(expression, from, opts) {
    const expr = compiled(expression);
    if (!expr) return null;
    const found = opts.epoch ? relativeRuns(expr, opts.epoch, 1, from) : next(expr, from, 1, opts);
    return found.times[0] ?? null;
  },
};
