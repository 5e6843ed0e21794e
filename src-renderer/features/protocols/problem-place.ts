/**
 * Where in a protocol a problem is, in the editor's labels: `recordings.0.actions.1.do.output`
 * is "Recording 1, action 2, output" (a protocol file's messages keep the path, which is
 * what someone editing the file looks for).
 */

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  description: 'description',
  version: 'version',
  seed: 'seed',
  times: 'times',
  every: 'every',
  minutes: 'minutes',
  between: 'between',
  from: 'from',
  until: 'until',
  days: 'days',
  dates: 'dates',
  durationSeconds: 'duration',
  codec: 'codec',
  filename: 'file name',
  metadata: 'metadata',
  cameras: 'cameras',
  at: 'at',
  jitter: 'jitter',
  kind: 'kind',
  output: 'output',
  value: 'value',
  parameter: 'parameter',
  location: 'copy to',
  deleteAfter: 'delete after',
  path: 'export path',
  toStore: 'export as',
  note: 'note',
  default: 'default',
};

/** Levels that group fields without a label of their own in the editor. */
const UNLABELLED = new Set(['when', 'after', 'do']);
const ENTRY: Record<string, string> = { times: 'time', dates: 'date', days: 'day', cameras: 'camera' };

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function protocolPlace(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The protocol';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const index = Number(path[i + 1]);
    const indexed = i + 1 < path.length && Number.isInteger(index) && String(path[i + 1]) !== '';
    if (key === 'recordings' && indexed) {
      parts.push(`recording ${index + 1}`);
      i++;
    } else if (key === 'actions' && indexed) {
      parts.push(i === 0 ? `timed action ${index + 1}` : `action ${index + 1}`);
      i++;
    } else if (ENTRY[key] !== undefined && indexed) {
      parts.push(`${ENTRY[key]} ${index + 1}`);
      i++;
    } else if (key === 'every' && path[i + 1] === 'minutes') {
      parts.push('every (minutes)');
      i++;
    } else if (UNLABELLED.has(key)) {
      continue;
    } else if (key === 'parameters' && i + 1 < path.length) {
      parts.push(`parameter "${String(path[i + 1])}"`);
      i++;
    } else if (key === 'metadata' && i + 1 < path.length) {
      parts.push(`metadata "${String(path[i + 1])}"`);
      i++;
    } else {
      parts.push(FIELD_WORDS[key] ?? key);
    }
  }
  return capitalised(parts.join(', '));
}

/** A problem as a sentence of its own: "Must not be empty." from "must not be empty". */
export const asSentence = (words: string) => capitalised(words.trim()).replace(/\.?$/, '.');

/** A problem with its place: "Recording 1, action 2, output must not be empty." */
export const problemAt = (path: readonly (string | number)[], words: string) => asSentence(`${protocolPlace(path)} ${words.trim()}`);
