import type { MotifError } from '../../../src-main/contract/errors';
import { asSentence, problemAt } from './problem-place';

export type Path = readonly (string | number)[];

/** One of the model's complaints, where it is in the protocol. */
export interface DraftIssue {
  path: string[];
  message: string;
}

/** The model's complaints by where they are, so each is shown next to its field in words. */
export interface DraftErrors {
  at(path: Path): string | undefined;
  /** Every complaint as a sentence naming its place, for the summary by the Save button. */
  all: string[];
}

const key = (path: Path) => path.map(String).join('.');

export function draftErrors(issues: readonly DraftIssue[]): DraftErrors {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) byPath.set(key(issue.path), [...(byPath.get(key(issue.path)) ?? []), asSentence(issue.message)]);
  return {
    at: (path) => byPath.get(key(path))?.join(' '),
    all: issues.map((i) => problemAt(i.path, i.message)),
  };
}

const isIssue = (v: unknown): v is DraftIssue =>
  typeof v === 'object' && v !== null && 'path' in v && Array.isArray(v.path) && v.path.every((p) => typeof p === 'string') && 'message' in v && typeof v.message === 'string';

/**
 * The protocol's problems from a refused request: the core checks the draft against the
 * model and names each field; `under` is where the request carries the protocol.
 */
export function protocolIssues(error: MotifError, under: readonly string[]): DraftIssue[] | null {
  const issues = error.code === 'invalid-args' ? error.details?.issues : undefined;
  if (!Array.isArray(issues) || !issues.every(isIssue)) return null;
  const mine = issues.filter((i) => under.every((p, k) => i.path[k] === p));
  return mine.length === 0 ? null : mine.map((i) => ({ path: i.path.slice(under.length), message: i.message }));
}

/** NumberInput's empty field is '': kept as NaN so the model says the number is missing. */
export const numberOf = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
export const shown = (n: number | undefined): number | string => (n === undefined || Number.isNaN(n) ? '' : n);
