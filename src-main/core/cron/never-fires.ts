/**
 * Reasons an expression cannot fire, stated in words: found up front for impossible dates
 * (February 30) so `next` answers at once, and after a search that ran out of years.
 */
import { isLeapYear } from '../../../src-shared/calendar';
import { MONTH_NAMES, type CronExpression } from './fields';

const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1] ?? '';
  return ({ JAN: 'January', FEB: 'February', MAR: 'March', APR: 'April', MAY: 'May', JUN: 'June', JUL: 'July',
    AUG: 'August', SEP: 'September', OCT: 'October', NOV: 'November', DEC: 'December' } as Record<string, string>)[name] ?? name;
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Why no date can ever match, when the day and month fields alone decide it; else null. */
export function impossibleDateReason(expr: CronExpression): string | null {
  const { dayOfMonth: dom, dayOfWeek: dow, month, year } = expr.fields;
  if (!dow.wildcard || dom.wildcard) return null;
  if (dom.atoms.some((a) => a.kind !== 'value' && a.kind !== 'range' && a.kind !== 'stepFrom')) return null;
  if (month.atoms.some((a) => a.kind === 'monotonic')) return null;
  const months = month.wildcard ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : month.values;
  const minDay = dom.values[0] ?? 32;
  const fitting = months.filter((m) => minDay <= (LONGEST_MONTH[m - 1] ?? 31));
  if (fitting.length === 0) {
    return `No date ever matches: ${joinOr(months.map(monthName))} never ${months.length === 1 ? 'has' : 'have'} day ${minDay}${dom.values.length > 1 ? ' or later' : ''}.`;
  }
  const onlyFeb29 = fitting.every((m) => m === 2) && minDay === 29 && dom.values.every((d) => d >= 29);
  const yearsStatic = !year.wildcard && year.atoms.every((a) => a.kind !== 'monotonic');
  if (onlyFeb29 && yearsStatic && !year.values.some(isLeapYear)) {
    return 'No date ever matches: February 29 falls in none of the allowed years (none is a leap year).';
  }
  return null;
}

/** Why a search that reached its horizon found nothing. */
export function exhaustedReason(expr: CronExpression, searchedFromYear: number): string {
  const year = expr.fields.year;
  if (!year.wildcard && year.atoms.every((a) => a.kind !== 'monotonic')) {
    const last = year.values[year.values.length - 1] ?? 0;
    if (last < searchedFromYear) return `No fire time left: the year field allows no year after ${last}.`;
    return `No fire time left: nothing matches in the allowed years (up to ${last}).`;
  }
  return 'No fire time before the year 10000: the fields never line up.';
}
