import { z } from 'zod';
import { MotifError } from '../errors';
import { FileName, OPERATIONS, PathSegment, SCHEDULABLE, WireValueSchema, type OperationName } from '../../core/motif-api/operation-table';
import { JsonValue, ProgressId, Target, TargetOutcome, TargetOutcomes, Targets } from './targets';

/**
 * Everything the vendor API lets a user do by hand, as requests over one or many
 * rigs/cameras. Main maps each to the rig's endpoints; results come per target.
 */

/** Serials and output, parameter and task names become path segments: what Motif can route. */
const Serial = PathSegment;
const Name = PathSegment;
const ParamValues = z.record(Name, z.union([z.number(), z.string(), z.boolean()]));

const Operation = z.enum(Object.keys(OPERATIONS) as [OperationName, ...OperationName[]]);

export const RecordingOptions = z.object({
  codec: z.string().min(1).optional(),
  durationSeconds: z.number().positive().max(30 * 24 * 3600).optional(),
  filename: FileName.min(1).max(200).optional(),
  recordToStore: z.boolean().optional(),
  metadata: z.record(z.string(), JsonValue).optional(),
});
export type RecordingOptions = z.infer<typeof RecordingOptions>;

export const CopyOptions = z.object({
  location: z.string().min(1).optional(),
  deleteAfter: z.boolean().optional(),
});
export const ExportOptions = z.object({
  toStore: z.boolean().optional(),
  codec: z.string().min(1).optional(),
  deleteAfter: z.boolean().optional(),
  path: z.string().min(1).optional(),
});

/** A value for an output: a level, or the toggle rule (±Infinity on the wire). */
export const OutputValue = z.union([z.number().finite(), z.enum(['toggle-start-high', 'toggle-start-low'])]);
export type OutputValue = z.infer<typeof OutputValue>;

/** The operations a scheduled task can run, with their own arguments. */
export const ScheduledOperation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('recording.start'), options: RecordingOptions }),
  z.object({ kind: z.literal('recordings.copy'), options: CopyOptions }),
  z.object({ kind: z.literal('recordings.export'), options: ExportOptions }),
  z.object({ kind: z.literal('cameras.configure'), name: Name, value: z.union([z.number(), z.string(), z.boolean()]) }),
  z.object({ kind: z.literal('outputs.set'), name: Name, value: OutputValue }),
]);
export type ScheduledOperation = z.infer<typeof ScheduledOperation>;

export const RecordingEntry = z.object({
  serial: z.string().optional(),
  name: z.string(),
  path: z.string().optional(),
  sizeBytes: z.number().optional(),
  startedAt: z.string().optional(),
  durationSeconds: z.number().optional(),
  copied: z.boolean().optional(),
  exported: z.boolean().optional(),
  raw: z.record(z.string(), JsonValue),
});
export type RecordingEntry = z.infer<typeof RecordingEntry>;

/** When a listed task runs next, by the cron engine on the rig's clock and in the rig's zone. */
export const TaskNextRun = z.discriminatedUnion('kind', [
  /** `time`: ISO with the zone's offset; `unixSeconds`: the same instant. */
  z.object({ kind: z.literal('at'), time: z.string(), unixSeconds: z.number() }),
  /** Camera-relative: after each recording start, first this many seconds after it (null: never). */
  z.object({ kind: z.literal('after-start'), firstOffsetSeconds: z.number().nullable() }),
  /** It does not run again, or its expression cannot be read: the reason in words. */
  z.object({ kind: z.literal('none'), reason: z.string() }),
]);
export type TaskNextRun = z.infer<typeof TaskNextRun>;

export const ScheduledTask = z.object({
  name: z.string(),
  cronExpression: z.string().optional(),
  cameraRelative: z.boolean().optional(),
  endpoint: z.string().optional(),
  /** What the task runs, in the operation table's words with its arguments ("Set output led on camera FAKE0 to 1"). */
  words: z.string(),
  /** What the cron expression means, when it can be read. */
  cronWords: z.string().optional(),
  nextRun: TaskNextRun.optional(),
  raw: z.record(z.string(), JsonValue),
});
export type ScheduledTask = z.infer<typeof ScheduledTask>;

/**
 * One target's outcome of `schedule.add`; `note` says what the app could not check (a change
 * queued for an offline rig replaces a task of the same name when it is applied).
 */
export const ScheduleAddOutcome = z.intersection(TargetOutcome, z.object({ note: z.string().optional() }));
export type ScheduleAddOutcome = z.infer<typeof ScheduleAddOutcome>;

export const operationRequests = {
  'recording.start': { args: z.object({ targets: Targets, progress: ProgressId.optional(), options: RecordingOptions }), result: TargetOutcomes },
  'recording.stop': { args: z.object({ targets: Targets, progress: ProgressId.optional() }), result: TargetOutcomes },
  'cameras.read': {
    args: z.object({ target: Target, names: z.array(Name).min(1).max(50) }),
    result: z.record(z.string(), JsonValue),
  },
  'cameras.configure': { args: z.object({ targets: Targets, progress: ProgressId.optional(), params: ParamValues }), result: TargetOutcomes },
  'recordings.list': { args: z.object({ target: Target }), result: z.array(RecordingEntry) },
  'recordings.copy': { args: z.object({ targets: Targets, progress: ProgressId.optional(), options: CopyOptions }), result: TargetOutcomes },
  'recordings.export': { args: z.object({ targets: Targets, progress: ProgressId.optional(), options: ExportOptions }), result: TargetOutcomes },
  'outputs.set': { args: z.object({ targets: Targets, progress: ProgressId.optional(), name: Name, value: OutputValue }), result: TargetOutcomes },
  'outputs.setDevicePort': {
    args: z.object({
      rigId: z.string().min(1),
      ioSerial: PathSegment,
      ioPort: PathSegment,
      level: z.union([z.object({ value: z.number().finite() }), z.object({ state: z.union([z.literal(0), z.literal(1)]) })]),
    }),
    result: TargetOutcomes,
  },
  'outputs.log': { args: z.object({ targets: Targets, progress: ProgressId.optional(), values: z.record(Name, JsonValue) }), result: TargetOutcomes },
  'outputs.read': { args: z.object({ target: Target }), result: z.record(z.string(), JsonValue) },
  'experiment.message': { args: z.object({ targets: Targets, progress: ProgressId.optional(), message: z.string().max(500) }), result: TargetOutcomes },
  'schedule.list': {
    /** `timeZone`: the rig's IANA zone, for next runs (this computer's zone when absent). */
    args: z.object({ rigId: z.string().min(1), timeZone: z.string().min(1).max(100).optional() }),
    result: z.object({ rigNowUnixSeconds: z.number().nullable(), tasks: z.array(ScheduledTask) }),
  },
  'schedule.add': {
    args: z
      .object({
        targets: Targets,
        taskName: z.string().min(1).max(100).regex(/^[\w.-]+$/, 'Use letters, digits, "_", "-" and "." in task names.'),
        cronExpression: z.string().min(1).max(200),
        cameraRelative: z.boolean().optional(),
        operation: ScheduledOperation,
        /**
         * A rig keeps one task per name and a new one replaces the old. Without `replace`, a name
         * the rig already has fails that target with 'already-exists' and nothing is sent.
         */
        replace: z.boolean().optional(),
      })
      .refine((a) => !a.cameraRelative || SCHEDULABLE[a.operation.kind]?.cameraRelative === true, {
        path: ['cameraRelative'],
        message: 'Only output and camera-parameter tasks can run relative to the recording start; Motif never runs other camera-relative tasks.',
      }),
    result: z.array(ScheduleAddOutcome),
  },
  /**
   * Any operation of the table, by name: its body checked against the table, its words,
   * outbox policy and audit as for every command. What a new endpoint needs to be usable.
   */
  'operations.run': {
    args: z.object({
      targets: Targets,
      operation: Operation,
      params: z.record(z.string(), PathSegment).default({}),
      body: z.record(z.string(), WireValueSchema).optional(),
      /** For a task creation: replace a task of the same name on the rig (refused otherwise). */
      replace: z.boolean().optional(),
      progress: ProgressId.optional(),
    }),
    // Task creations may carry a note (the name could not be checked while the rig was away).
    result: z.array(ScheduleAddOutcome),
  },
  /** A read (GET) of the table on one rig or camera: the rig's answer as it is. */
  'operations.read': {
    args: z.object({ target: Target, operation: Operation, params: z.record(z.string(), PathSegment).default({}) }),
    result: WireValueSchema,
  },
  /** Any endpoint, as the vendor client's call(path, **kwargs); the operation table decides method and outbox policy. */
  'rig.call': {
    args: z.object({ rigId: z.string().min(1), endpoint: z.string().min(1).max(500), args: z.record(z.string(), WireValueSchema).default({}) }),
    result: z.object({ delivery: z.enum(['sent', 'queued']), value: WireValueSchema.optional() }),
  },
  /** Version, cameras and each camera's state, read now (the window's dashboard polls instead). */
  'cameras.status': {
    args: z.object({ target: Target }),
    result: z.object({
      version: z.record(z.string(), WireValueSchema),
      cameras: z.array(
        z.union([
          z.object({ serial: z.string(), name: z.string().optional(), recording: z.boolean(), copying: z.boolean(), exporting: z.boolean(), status: z.record(z.string(), WireValueSchema) }),
          z.object({ serial: z.string(), name: z.string().optional(), error: MotifError }),
        ]),
      ),
    }),
  },
  'schedule.clear': {
    args: z.object({ rigId: z.string().min(1), taskName: z.string().min(1).optional() }),
    result: TargetOutcomes,
  },
  'multicam.synchronize': { args: z.object({ rigIds: z.array(z.string().min(1)).min(1) }), result: TargetOutcomes },
  'multicam.connect': { args: z.object({ rigId: z.string().min(1), serial: z.union([Serial, z.literal('__all')]) }), result: TargetOutcomes },
  'multicam.disconnect': { args: z.object({ rigId: z.string().min(1), serial: z.union([Serial, z.literal('__all')]) }), result: TargetOutcomes },
} as const;
