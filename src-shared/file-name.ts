/**
 * Motif adds the date and time of the start to every recording's file name (the vendor's
 * `filename` argument is the name "excluding timestamp"), so a name asks for none of its own.
 */
const TIMESTAMP_PLACEHOLDER = /\{(?:date|time)\}/i;

/** Why `name` would give the file a second timestamp, or null. */
export function fileNameProblem(name: string): string | null {
  return TIMESTAMP_PLACEHOLDER.test(name)
    ? `Motif adds the date and time to every file name itself; take {date} and {time} out of "${name.trim()}".`
    : null;
}
