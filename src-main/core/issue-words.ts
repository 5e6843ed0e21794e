import type { z } from 'zod';

/**
 * zod's checks in the app's words, for every check that does not bring its own message:
 * what a field must be, as the end of a sentence that names the field ("must not be
 * empty", "needs a number"), never zod's "Too small: expected string to have >=1
 * characters". Given to each parse of what people write (requests, protocol files).
 */

const TYPE_WORDS: Record<string, string> = {
  number: 'needs a number',
  int: 'needs a whole number',
  string: 'needs text',
  boolean: 'needs yes or no',
  array: 'needs a list',
  object: 'needs a set of named values',
  record: 'needs a set of named values',
};

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;
const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');

function sizeWords(origin: string, bound: number | bigint, inclusive: boolean | undefined, least: boolean): string {
  const atLeast = least ? (inclusive === false ? 'more than' : 'at least') : inclusive === false ? 'less than' : 'at most';
  switch (origin) {
    case 'string':
      return least && Number(bound) === 1 && inclusive !== false ? 'must not be empty' : `must be ${atLeast} ${plural(bound, 'character', 'characters')} long`;
    case 'array':
    case 'set':
      return least && Number(bound) === 1 && inclusive !== false ? 'needs at least one entry' : `must have ${atLeast} ${plural(bound, 'entry', 'entries')}`;
    default:
      return `must be ${atLeast} ${String(bound)}`;
  }
}

/** The words for one issue; `undefined` leaves a message the schema gave. */
export const issueWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return TYPE_WORDS[issue.expected] ?? 'has the wrong kind of value';
    case 'too_small':
      return sizeWords(issue.origin, issue.minimum, issue.inclusive, true);
    case 'too_big':
      return sizeWords(issue.origin, issue.maximum, issue.inclusive, false);
    case 'invalid_format':
      return 'is not written the way it should be';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} this app does not know (${quoted(issue.keys)}): remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values)}` : `must be one of ${quoted(issue.values)}`;
    case 'invalid_key': {
      // A record's key check says what names may hold; keep its words when it has some.
      const why = issue.issues.map((i) => i.message).find((m) => m && !m.startsWith('Invalid'));
      return why ? `has a name that is not allowed (${why})` : 'has a name that is not allowed';
    }
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'invalid_union':
      return 'is not one of the values this field takes';
    default:
      return 'is not allowed here';
  }
};
