/**
 * What a recording's file name may hold, checked wherever a name is taken (the window's
 * forms, the request contract, protocols, the operation table's wire body) from this one rule.
 * Motif adds the date and time of the start to every recording's file name (the vendor's
 * `filename` argument is the name "excluding timestamp"), so a name asks for none of its own;
 * it names one file in the rig's folder, so it holds no path separator, and no control
 * character (a newline or NUL would reach the rig's file system as it is).
 */
const TIMESTAMP_PLACEHOLDER = /\{(?:date|time)\}/i;
// C0 controls, DEL and the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SEPARATOR = /[/\\]/;

/** Why `name` cannot be a recording's file name, or null. */
export function fileNameProblem(name: string): string | null {
  if (CONTROL.test(name)) return `A file name cannot hold control characters (a line break, tab or NUL); ${JSON.stringify(name)} has one.`;
  if (SEPARATOR.test(name)) return `A file name cannot hold "/" or "\\": it names one file in the rig's recording folder, not a folder ("${name}").`;
  return TIMESTAMP_PLACEHOLDER.test(name)
    ? `Motif adds the date and time to every file name itself; take {date} and {time} out of "${name.trim()}".`
    : null;
}
