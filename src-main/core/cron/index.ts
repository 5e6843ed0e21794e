/** Motif's cron dialect: parse, describe, fire times and one-shot helpers. */
export type { CronAtom, CronExpression, CronField, CronFieldValue } from './fields';
export { parse, type CronSyntaxError, type ParseResult } from './parse';
export { describe } from './describe';
export { next, type NextResult } from './next';
export type { NextOptions } from './clock';
export { matches } from './match';
export { datetimeToCron, cronSecondsAfter } from './datetime-to-cron';
export { formatInZone, isValidTimeZone, localTimeZone } from '../../../src-shared/zoned-time';
export { FIRST_RELATIVE_SECOND, relativeOffsets, relativeRuns } from './relative';
