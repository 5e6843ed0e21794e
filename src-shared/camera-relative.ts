/**
 * The earliest second after a recording start at which a camera-relative task runs: the
 * rig arms such a task when its camera starts recording and runs it at the first matching
 * second after that moment, so never at the start itself (the cron engine's `relative.ts`
 * has the reasoning; docs/wire.md the facts). Here because the window needs it too.
 */
export const FIRST_RELATIVE_SECOND = 1;

/** What the editor and the Schedule form say where they move an offset of 0 s. */
export const SHIFTED_TO_FIRST_SECOND = `0 s is moved to ${FIRST_RELATIVE_SECOND} s: the rig runs a camera-relative task at the earliest ${FIRST_RELATIVE_SECOND} s after the recording starts, never at the start itself.`;
