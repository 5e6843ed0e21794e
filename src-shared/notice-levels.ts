/**
 * Which notices need someone: a warning or an error (a recording stopped, a disk nearly full)
 * pops up in the window and as a desktop notification; an info notice ("rig-1 is back")
 * waits in the notices centre.
 */
export function noticeNeedsSomeone(level: 'info' | 'warning' | 'error'): boolean {
  return level !== 'info';
}
