/**
 * Fire times of an expression: the civil jump search, mapped back to real seconds through
 * the clock (virtual for camera-relative tasks, a time zone otherwise). See clock.ts for
 * the semantics, DST included.
 */
import { splitCivilSeconds, SECONDS_PER_DAY } from '../../../src-shared/calendar';
import { nextCivilMatch, type CivilSearch } from './civil-search';
import { civilSecondOf, clockFor, clockSecondOf, type CronClock, type NextOptions } from './clock';
import { compile, type CompiledExpression } from './compile';
import type { CronExpression } from './fields';
import { exhaustedReason, impossibleDateReason } from './never-fires';
import type { ZoneOffsets } from '../../../src-shared/zoned-time';

export interface NextResult {
  times: Date[];
  /** Fewer than `count` fire times exist (Feb 30, a past year, ...). */
  exhausted: boolean;
  reason?: string;
}

const MAX_ZONE_STEPS = 100_000;

/**
 * The next `count` fire times strictly after `from`, in order, as whole seconds of the
 * clock the fields are read on. Throws RangeError for an unknown time zone.
 */
export function next(expr: CronExpression, from: Date, count: number, opts: NextOptions = {}): NextResult {
  const clock = clockFor(opts);
  if (Number.isNaN(from.getTime()) || Number.isNaN(clock.originMs)) {
    return { times: [], exhausted: true, reason: 'The start time or the recording start is not a valid date.' };
  }
  const impossible = impossibleDateReason(expr);
  if (impossible !== null) return { times: [], exhausted: true, reason: impossible };
  const cx = compile(expr);
  const times: Date[] = [];
  let last = clockSecondOf(clock, from);
  while (times.length < count) {
    const found = nextClockSecond(cx, clock, last + 1);
    if (found.found === null) {
      const reason = found.reason === 'step-limit'
        ? 'The search for the next fire time gave up after too many steps.'
        : exhaustedReason(expr, splitCivilSeconds(civilSecondOf(clock, last + 1)).year);
      return { times, exhausted: true, reason };
    }
    times.push(new Date(clock.originMs + found.found * 1000));
    last = found.found;
  }
  return { times, exhausted: false };
}

/** Smallest clock second ≥ first whose civil time matches. */
export function nextClockSecond(cx: CompiledExpression, clock: CronClock, first: number): CivilSearch {
  if (clock.zone === null) return nextCivilMatch(cx, first);
  return nextZonedSecond(cx, clock.zone, first);
}

function nextZonedSecond(cx: CompiledExpression, zone: ZoneOffsets, first: number): CivilSearch {
  let a = first;
  for (let steps = 0; steps < MAX_ZONE_STEPS; steps++) {
    const offset = zone.offset(a);
    const change = zone.changeAfter(a);
    // Inside the first pass of a repeated (fall-back) hour, civil time will run back:
    // search this pass alone, then restart from the change.
    const repeatStartsAt = change && change.after < change.before ? change.at - (change.before - change.after) : Infinity;
    const found = nextCivilMatch(cx, a + offset);
    if (found.found === null) return found;
    const civil = found.found;
    // Common case: no offset change between a and the match, so the current offset maps it.
    if (change === null ? civil - offset <= a + SECONDS_PER_DAY : civil - offset < change.at) return { found: civil - offset };
    if (change && a >= repeatStartsAt) {
      if (civil < change.at + change.before) return { found: civil - change.before };
      a = change.at;
      continue;
    }
    const candidates = [offset, zone.offset(civil - offset - SECONDS_PER_DAY), zone.offset(civil - offset + SECONDS_PER_DAY)];
    let best = Infinity;
    for (const candidate of candidates) {
      const t = civil - candidate;
      if (t >= a && t < best && zone.offset(t) === candidate) best = t;
    }
    if (best !== Infinity) return { found: best };
    // The civil time falls in a gap (spring forward): resume where the clock jumps.
    const gap = zone.changeAfter(civil - Math.max(...candidates));
    a = gap !== null && gap.at > a ? gap.at : civil - Math.min(...candidates) + 1;
  }
  return { found: null, reason: 'step-limit' };
}
