import { z } from 'zod';
import { FIELD_SPECS } from '../cron/fields';
import { FIRST_RELATIVE_SECOND } from '../cron/relative';
import { FileName } from '../motif-api/operation-table';
import { OutputValue } from '../../contract/requests/operations';
import { JsonValue } from '../../contract/requests/targets';

/**
 * A protocol, version 1: recording blocks (when, how long, how), actions relative to each
 * recording of a block, and actions at wall-clock times; parameters a rig fills in so one
 * protocol serves many rigs. Strings may hold `{{name}}` of a declared parameter.
 */

export const PROTOCOL_VERSION = 1;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
export const TimeOfDay = z.string().regex(TIME_OF_DAY, 'must be a time of day written HH:MM or HH:MM:SS (24-hour clock), e.g. 09:00');
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const Weekday = z.enum(WEEKDAYS, { message: `must be a day of the week: ${WEEKDAYS.join(', ')}` });
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'is not a date on the calendar')
  // A one-shot task carries the year in its expression, which the rig's cron engine bounds.
  .refine((d) => {
    const year = Number(d.slice(0, 4));
    return year >= FIELD_SPECS.year.min && year <= FIELD_SPECS.year.max;
  }, `must be in the years ${FIELD_SPECS.year.min} to ${FIELD_SPECS.year.max}, as the rig's cron engine takes`);

/** When something happens on the rig's wall clock: listed times, or every N minutes between two times. */
export const When = z
  .object({
    times: z.array(TimeOfDay).min(1, 'needs at least one time').max(200).optional(),
    every: z
      .object({ minutes: z.number().int().min(1, 'must be at least 1 minute').max(1440, 'must be at most 1440 minutes (a day)') })
      .strict()
      .optional(),
    /** With `every`: the first time of the day (default 00:00) and the last (default 23:59:59), both included. */
    between: z.object({ from: TimeOfDay, until: TimeOfDay }).strict().optional(),
    /** Days of the week; every day when absent. */
    days: z.array(Weekday).min(1, 'needs at least one day').optional(),
    /** Only on these dates (one-shot tasks that carry the year); every matching day when absent. */
    dates: z.array(CalendarDate).min(1, 'needs at least one date').max(366).optional(),
  })
  .strict()
  .refine((w) => (w.times === undefined) !== (w.every === undefined), {
    message: 'needs either "times" (a list of times of day) or "every" (every N minutes), not both and not neither',
  })
  .refine((w) => w.between === undefined || w.every !== undefined, { message: '"between" goes with "every"', path: ['between'] })
  .refine((w) => w.days === undefined || w.dates === undefined, {
    message: 'takes "days" or "dates", not both: the rig would run it on either',
    path: ['days'],
  });
export type When = z.infer<typeof When>;

const Name = z.string().min(1).max(200);

/** What an action does on the rig. */
export const OutputAction = z
  .object({ kind: z.literal('output'), output: Name, value: OutputValue })
  .strict();
export const ConfigureAction = z
  .object({ kind: z.literal('configure'), parameter: Name, value: z.union([z.number(), z.string(), z.boolean()]) })
  .strict();
export const CopyAction = z
  .object({ kind: z.literal('copy'), location: z.string().min(1).optional(), deleteAfter: z.boolean().optional() })
  .strict();
export const ExportAction = z
  .object({
    kind: z.literal('export'),
    path: z.string().min(1).optional(),
    codec: z.string().min(1).optional(),
    toStore: z.boolean().optional(),
    deleteAfter: z.boolean().optional(),
  })
  .strict();

const kindMessage = (kinds: string) => ({ message: `"kind" must be one of ${kinds}` });
export const RelativeDo = z.discriminatedUnion('kind', [OutputAction, ConfigureAction], kindMessage('output, configure'));
export const WallClockDo = z.discriminatedUnion(
  'kind',
  [OutputAction, ConfigureAction, CopyAction, ExportAction],
  kindMessage('output, configure, copy, export'),
);
export type RelativeDo = z.infer<typeof RelativeDo>;
export type WallClockDo = z.infer<typeof WallClockDo>;

const AFTER_THE_START = `must be at least ${FIRST_RELATIVE_SECOND} s after the recording start: the rig never runs these tasks at the start itself`;

/** Seconds after each recording start: once (`at`), or `every` seconds from `from` until the recording ends. */
export const RelativeTiming = z.union([
  z.object({ at: z.number().int().min(FIRST_RELATIVE_SECOND, AFTER_THE_START) }).strict(),
  z
    .object({
      every: z.number().int().min(2, "must be at least 2 s: the dialect's repeating terms need a period of 2 or more"),
      from: z.number().int().min(FIRST_RELATIVE_SECOND, AFTER_THE_START),
      /** Each repeat moves by a random whole number of seconds up to ± this, drawn at compile time from the protocol's seed. */
      jitter: z.number().int().min(1).optional(),
    })
    .strict()
    .refine((r) => r.jitter === undefined || r.jitter * 2 < r.every, { message: 'jitter must be under half the period, so repeats keep their order', path: ['jitter'] }),
], { message: 'needs "at" (seconds after the start) or "every" and "from" (seconds)' });
export type RelativeTiming = z.infer<typeof RelativeTiming>;

export const RelativeAction = z.object({ after: RelativeTiming, do: RelativeDo, note: z.string().optional() }).strict();
export type RelativeAction = z.infer<typeof RelativeAction>;

export const MAX_RECORDING_SECONDS = 7 * 24 * 3600;

export const RecordingBlock = z
  .object({
    when: When,
    /** A recording ends only through its duration: Motif has no scheduled stop. */
    durationSeconds: z.number({ error: (issue) => (issue.code === 'invalid_type' && issue.expected === 'number' ? 'needs a length of time, like 30 min or 1h30m' : undefined) }).int().min(1).max(MAX_RECORDING_SECONDS, 'must be at most a week'),
    codec: z.string().min(1).optional(),
    filename: FileName.min(1).max(200).optional(),
    metadata: z.record(z.string(), JsonValue).optional(),
    /** Camera serials; all cameras of the rig when absent. */
    cameras: z.array(Name).min(1).optional(),
    actions: z.array(RelativeAction).default([]),
  })
  .strict();
export type RecordingBlock = z.infer<typeof RecordingBlock>;

export const WallClockAction = z
  .object({ when: When, do: WallClockDo, cameras: z.array(Name).min(1).optional(), note: z.string().optional() })
  .strict();
export type WallClockAction = z.infer<typeof WallClockAction>;

export const ProtocolParameter = z.object({ description: z.string().optional(), default: z.string().optional() }).strict();

export const ProtocolName = z
  .string()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, 'must start with a letter or digit and hold only letters, digits, spaces, "_", "-" and "."');

export const Protocol = z
  .object({
    version: z.literal(PROTOCOL_VERSION, { message: `must be ${PROTOCOL_VERSION}: this app reads protocols of version ${PROTOCOL_VERSION}` }),
    name: ProtocolName,
    description: z.string().max(2000).optional(),
    parameters: z.record(z.string().regex(/^\w+$/, 'parameter names hold letters, digits and "_"'), ProtocolParameter).default({}),
    recordings: z.array(RecordingBlock).default([]),
    actions: z.array(WallClockAction).default([]),
    /** Seed of the jitter expanded at compile time; recorded so a protocol compiles the same every time. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .strict()
  .refine((p) => p.recordings.length + p.actions.length > 0, { message: 'has nothing to do: add a recording or an action' });
export type Protocol = z.infer<typeof Protocol>;
export type ProtocolInput = z.input<typeof Protocol>;

/** A zod error as sentences a person can act on: where in the file, and what is wrong. */
export function protocolProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length === 0 ? 'The protocol' : `"${issue.path.map(String).join('.')}"`;
    return `${where} ${issue.message}`.replace(/\.?$/, '.');
  });
}
