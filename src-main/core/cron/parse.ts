/**
 * Parser for Motif's cron dialect: cronex's grammar with a leading seconds field and an
 * optional year field. Returns a typed expression or an error that names the field, the
 * offending text and why; it never throws and runs in time linear in the input.
 */
import {
  FIELD_ORDER, FIELD_SPECS, MAX_MONOTONIC, SHORTCUTS,
  type CronAtom, type CronExpression, type CronField, type CronFieldValue,
} from './fields';

export interface CronSyntaxError {
  field: CronField | null;
  text: string;
  reason: string;
  /** One sentence a lab user can act on. */
  message: string;
}

export type ParseResult = { ok: true; value: CronExpression } | { ok: false; error: CronSyntaxError };

class FieldError {
  constructor(readonly text: string, readonly reason: string) {}
}

const MAX_SHOWN_TEXT = 60;

function clip(text: string): string {
  return text.length > MAX_SHOWN_TEXT ? `${text.slice(0, MAX_SHOWN_TEXT)}…` : text;
}

function syntaxError(field: CronField | null, text: string, reason: string): ParseResult {
  const shown = clip(text);
  const where = field === null ? 'The expression' : `In the ${FIELD_SPECS[field].label} field, "${shown}"`;
  return { ok: false, error: { field, text: shown, reason, message: `${where} ${reason}.` } };
}

export function parse(text: string): ParseResult {
  if (typeof text !== 'string') return syntaxError(null, '', 'is not text');
  const source = text.trim();
  if (source === '') return syntaxError(null, '', 'is empty: write 6 or 7 fields (second minute hour day-of-month month day-of-week [year])');
  let expanded = source;
  let shortcut: string | null = null;
  if (source.startsWith('@')) {
    const known = Object.hasOwn(SHORTCUTS, source) ? SHORTCUTS[source] : undefined;
    if (known === undefined) {
      return syntaxError(null, source, `uses an unknown shortcut: the shortcuts are ${Object.keys(SHORTCUTS).join(', ')} (in lower case)`);
    }
    expanded = known;
    shortcut = source;
  }
  const parts = expanded.split(/\s+/);
  if (parts.length !== 6 && parts.length !== 7) {
    const hint = parts.length === 5
      ? ': this looks like classic 5-field cron, but Motif needs a leading seconds field'
      : '';
    return syntaxError(null, source,
      `has ${parts.length} field${parts.length === 1 ? '' : 's'} but needs 6 or 7 (second minute hour day-of-month month day-of-week [year])${hint}`);
  }
  const fields = {} as Record<CronField, CronFieldValue>;
  for (const [index, field] of FIELD_ORDER.entries()) {
    const fieldText = parts[index] ?? '*';
    try {
      fields[field] = parseField(field, fieldText);
    } catch (e) {
      if (e instanceof FieldError) return syntaxError(field, e.text, e.reason);
      return syntaxError(field, fieldText, 'could not be read');
    }
  }
  return { ok: true, value: { source, shortcut, hasYearField: parts.length === 7, fields } };
}

function parseField(field: CronField, text: string): CronFieldValue {
  const spec = FIELD_SPECS[field];
  const isDayField = field === 'dayOfMonth' || field === 'dayOfWeek';
  if (text === '*' || (text === '?' && isDayField)) {
    return { text, wildcard: true, atoms: [], values: [] };
  }
  const pieces = text.split(',');
  const atoms: CronAtom[] = [];
  for (const piece of pieces) {
    if (piece === '?' && !isDayField) {
      throw new FieldError(piece, 'is only allowed in the day-of-month and day-of-week fields');
    }
    if (piece === '*' || piece === '?') {
      throw new FieldError(text, `uses "${piece}" in a list, but "${piece}" must stand alone in a field`);
    }
    atoms.push(parseAtom(field, piece));
  }
  const values = new Set<number>();
  for (const atom of atoms) for (const v of staticValues(atom, spec.min, spec.max)) values.add(v);
  return { text, wildcard: false, atoms, values: [...values].sort((a, b) => a - b) };
}

/** The values a static atom stands for; none for the context-dependent ones. */
export function staticValues(atom: CronAtom, min: number, max: number): number[] {
  switch (atom.kind) {
    case 'value': return [atom.value];
    case 'stepFrom': {
      const out: number[] = [];
      for (let v = atom.start; v <= max; v += atom.step) out.push(v);
      return out;
    }
    case 'range': {
      // cronex walks the wrapped sequence start..max, min..end and keeps every step-th value.
      const walk: number[] = [];
      if (atom.start <= atom.end) for (let v = atom.start; v <= atom.end; v++) walk.push(v);
      else {
        for (let v = atom.start; v <= max; v++) walk.push(v);
        for (let v = min; v <= atom.end; v++) walk.push(v);
      }
      return walk.filter((_, i) => i % atom.step === 0);
    }
    default: return [];
  }
}

const DIGITS = /^\d+$/;

function parseAtom(field: CronField, piece: string): CronAtom {
  const spec = FIELD_SPECS[field];
  if (piece === '') throw new FieldError(piece, 'is empty: a list has two commas in a row or a comma at an end');
  // cronex upper-cases the month and day-of-week fields only, so names and `l` work there in any case.
  const atom = field === 'month' || field === 'dayOfWeek' ? piece.toUpperCase() : piece;

  if (atom.includes('%')) return parseMonotonic(field, piece, atom);
  if (atom.includes('#')) {
    if (field !== 'dayOfWeek') throw new FieldError(piece, 'uses "#", which is only allowed in the day-of-week field (as in 2#3, the third Tuesday)');
    const m = /^([^#]+)#(\d+)$/.exec(atom);
    if (!m) throw new FieldError(piece, 'is not a valid "#" term: write weekday#n, as in 2#3 for the third Tuesday');
    const weekday = readWeekday(piece, m[1] ?? '');
    const nth = Number(m[2]);
    if (nth < 1 || nth > 5) throw new FieldError(piece, 'asks for an occurrence outside 1-5: a weekday occurs at most 5 times in a month');
    return { kind: 'nthWeekdayOfMonth', weekday, nth };
  }
  if (field === 'dayOfMonth') {
    if (atom === 'L') return { kind: 'lastDayOfMonth' };
    if (/^[lLwW]$/.test(atom) || /^\d+w$/.test(atom) || /l/.test(atom)) {
      throw new FieldError(piece, 'must use upper-case L and W');
    }
    if (atom.includes('L')) throw new FieldError(piece, 'combines "L" with something else, but in the day-of-month field "L" must stand alone (the last day of the month)');
    if (atom.endsWith('W')) {
      const m = /^(\d+)W$/.exec(atom);
      if (!m) throw new FieldError(piece, 'is not a valid "W" term: write a day number before W, as in 15W');
      const day = readNumber(piece, m[1] ?? '', spec.min, spec.max);
      return { kind: 'nearestWeekday', day };
    }
  }
  if (field === 'dayOfWeek' && atom === 'L') {
    throw new FieldError(piece, 'is "L" alone, which the day-of-week field does not accept: write the weekday before it, as in 5L for the last Friday');
  }
  // No day name ends in L, so a trailing L in day-of-week always means "last".
  if (field === 'dayOfWeek' && atom.endsWith('L')) {
    return { kind: 'lastWeekdayOfMonth', weekday: readWeekday(piece, atom.slice(0, -1)) };
  }
  if (field !== 'dayOfMonth' && /^\d+[wW]$/.test(atom)) {
    throw new FieldError(piece, 'uses "W", which is only allowed in the day-of-month field (as in 15W)');
  }
  if (field !== 'dayOfWeek' && field !== 'dayOfMonth' && /^\d*[lL]$/.test(atom)) {
    throw new FieldError(piece, 'uses "L", which is only allowed in the day-of-month and day-of-week fields');
  }
  return parseStaticAtom(field, piece, atom);
}

function parseMonotonic(field: CronField, piece: string, atom: string): CronAtom {
  if (field === 'dayOfWeek') {
    throw new FieldError(piece, 'is a monotonic "%" term, which Motif allows in every field except day-of-week (use the day-of-month field to count days)');
  }
  const m = /^(\d*)%(\d+)$/.exec(atom);
  if (!m) throw new FieldError(piece, 'is not a valid monotonic term: write %n (every n) or k%n (every n, starting at k)');
  const period = readBounded(piece, m[2] ?? '', 'period');
  if (period < 2) throw new FieldError(piece, 'has a period below 2: %n needs n of at least 2 (use * for every value)');
  const offset = m[1] === '' ? null : readBounded(piece, m[1] ?? '', 'offset');
  return { kind: 'monotonic', offset, period };
}

function readBounded(piece: string, digits: string, what: string): number {
  if (digits.length > 10 || Number(digits) > MAX_MONOTONIC) {
    throw new FieldError(piece, `has a ${what} above ${MAX_MONOTONIC}`);
  }
  return Number(digits);
}

function parseStaticAtom(field: CronField, piece: string, atom: string): CronAtom {
  const spec = FIELD_SPECS[field];
  const slashParts = atom.split('/');
  if (slashParts.length > 2) throw new FieldError(piece, 'has more than one "/"');
  const [base = '', stepText] = slashParts;
  let step = 1;
  if (stepText !== undefined) {
    if (!DIGITS.test(stepText)) throw new FieldError(piece, `has a step "${stepText}" that is not a whole number`);
    step = stepText.length > 6 ? Infinity : Number(stepText);
    if (step < 1) throw new FieldError(piece, 'has a step of 0: the step after "/" must be at least 1');
    if (!Number.isFinite(step)) throw new FieldError(piece, 'has a step that is far too large');
  }
  if (base === '*') {
    if (stepText === undefined) throw new FieldError(piece, 'uses "*" inside a list');
    return { kind: 'stepFrom', start: spec.min, step, fromWildcard: true };
  }
  const dash = base.indexOf('-');
  if (dash === -1) {
    if (base === '') throw new FieldError(piece, 'has nothing before "/"');
    const value = field === 'dayOfWeek' ? readWeekday(piece, base) : readFieldValue(field, piece, base);
    if (stepText !== undefined) return { kind: 'stepFrom', start: value, step, fromWildcard: false };
    return { kind: 'value', value };
  }
  const startText = base.slice(0, dash);
  const endText = base.slice(dash + 1);
  if (startText === '' || endText === '') {
    throw new FieldError(piece, 'is not a valid range: write start-end, as in 9-17 (negative numbers are not allowed)');
  }
  if (field === 'dayOfWeek') return weekdayRange(piece, startText, endText, step);
  const start = readFieldValue(field, piece, startText);
  const end = readFieldValue(field, piece, endText);
  if (start === end) throw sameEndsError(piece);
  return { kind: 'range', start, end, step };
}

function sameEndsError(piece: string): FieldError {
  return new FieldError(piece,
    'is a range from a value to itself, which cronex reads as the whole cycle; write the single value, or * for every value');
}

/** 7 is Sunday; as an end it closes the week (5-7 = Fri..Sun, 0-7 = every day), as in cronex. */
function weekdayRange(piece: string, startText: string, endText: string, step: number): CronAtom {
  const rawStart = readWeekdayNumber(piece, startText);
  const rawEnd = readWeekdayNumber(piece, endText);
  if (rawStart === rawEnd) throw sameEndsError(piece);
  const start = rawStart === 7 ? 0 : rawStart;
  if (rawEnd === 7) {
    if (start === 0) return { kind: 'stepFrom', start: 0, step, fromWildcard: true };
    // start..6 then Sunday: the wrapped range start-0 walks exactly that.
    return { kind: 'range', start, end: 0, step };
  }
  if (start === rawEnd) throw sameEndsError(piece);
  return { kind: 'range', start, end: rawEnd, step };
}

function readWeekday(piece: string, text: string): number {
  const n = readWeekdayNumber(piece, text);
  return n === 7 ? 0 : n;
}

function readWeekdayNumber(piece: string, text: string): number {
  const index = FIELD_SPECS.dayOfWeek.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index;
  if (!DIGITS.test(text)) throw new FieldError(piece, `has "${text}", which is neither a number 0-7 nor a day name SUN-SAT`);
  const n = text.length > 3 ? Infinity : Number(text);
  if (n > 7) throw new FieldError(piece, `has ${text}, out of range: days of the week are 0-7 (0 and 7 are Sunday)`);
  return n;
}

function readFieldValue(field: CronField, piece: string, text: string): number {
  const spec = FIELD_SPECS[field];
  if (spec.names) {
    const index = spec.names.indexOf(text.toUpperCase());
    if (index >= 0) return index + spec.min;
  }
  if (!DIGITS.test(text)) {
    const expected = spec.names ? `a number ${spec.min}-${spec.max} or a name ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : `a number ${spec.min}-${spec.max}`;
    throw new FieldError(piece, `has "${text}", which is not ${expected}`);
  }
  return readNumber(piece, text, spec.min, spec.max, spec.units);
}

function readNumber(piece: string, text: string, min: number, max: number, units = 'days'): number {
  const n = text.length > 6 ? Infinity : Number(text);
  if (n < min || n > max) {
    const what = piece === text ? 'is out of range' : `has ${text}, out of range`;
    throw new FieldError(piece, `${what}: ${units} go from ${min} to ${max}`);
  }
  return n;
}
