import { existsSync } from 'node:fs';

/**
 * A free name beside `path` to move a damaged file to, e.g. `outbox.json.corrupt-2026-11-25T12-00-00Z`
 * (an ISO time without milliseconds, safe in file names on every platform; `-2`, `-3` when taken).
 */
export function asideName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const base = `${path}.corrupt-${stamp}`;
  let aside = base;
  for (let n = 2; existsSync(aside); n++) aside = `${base}-${n}`;
  return aside;
}
