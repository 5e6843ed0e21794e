import type { ScheduledOperation } from '../../contract/requests/operations';
import { CoreError } from '../errors';
import { SCHEDULABLE } from '../motif-api/operation-table';
import { scheduleTask, type RigCommand } from '../operations/command-builders';
import { seedFromText, seededRandom } from './jitter';
import type { Protocol, RecordingBlock, RelativeAction, RelativeDo, WallClockDo } from './model';
import { relativeOnce, relativeRepeat, relativeTimes, wallClockExpressions } from './cron-text';

/**
 * A protocol (its parameters filled in) as Motif scheduled tasks, honouring the dialect's
 * limits: a recording ends only through its duration, only output and camera-parameter tasks
 * may be camera-relative (the operation table says which), dated tasks carry the year, and
 * every task is named `mc-<protocol>-<n>` so applying and removing touch only these.
 * Pure and deterministic: jitter is drawn from the recorded (or derived) seed.
 */

export type TaskOrigin =
  | { kind: 'recording'; block: number }
  | { kind: 'relative'; block: number; action: number }
  | { kind: 'wall-clock'; action: number };

export interface CompiledTask {
  name: string;
  /** What the task runs, as `schedule.add` takes it. */
  operation: ScheduledOperation;
  /** The camera it addresses; the whole rig when absent. */
  serial?: string;
  cronExpression: string;
  cameraRelative: boolean;
  /** The creation call: `schedule/...` path and its wire body (task fields included). */
  command: RigCommand;
  origin: TaskOrigin;
}

export interface CompiledProtocol {
  protocol: string;
  slug: string;
  /** The seed jitter was drawn from; null when the protocol has no jitter. */
  seed: number | null;
  tasks: CompiledTask[];
}

/** Jitter expansions past this many tasks are refused: a rig should not carry them (see checks). */
const MAX_JITTER_EXPANSION = 200;

/** "Hourly stimulus" -> "hourly-stimulus": the protocol's part of its task names. */
export function protocolSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'protocol';
}

/** Task names of a protocol: exactly `mc-<slug>-<n>`, never another protocol's or a person's task. */
export function isTaskOf(slug: string, taskName: string): boolean {
  return new RegExp(`^mc-${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(taskName);
}

export function usesJitter(p: Protocol): boolean {
  return p.recordings.some((b) => b.actions.some((a) => 'every' in a.after && a.after.jitter !== undefined));
}

export function compileProtocol(p: Protocol): CompiledProtocol {
  const slug = protocolSlug(p.name);
  const seed = usesJitter(p) ? (p.seed ?? seedFromText(p.name)) : null;
  const random = seededRandom(seed ?? 0);
  const tasks: CompiledTask[] = [];
  const add = (operation: ScheduledOperation, serial: string | undefined, cronExpression: string, cameraRelative: boolean, origin: TaskOrigin) => {
    const name = `mc-${slug}-${tasks.length + 1}`;
    const command = scheduleTask({ taskName: name, cronExpression, ...(cameraRelative ? { cameraRelative } : {}) }, operation, serial);
    tasks.push({ name, operation, ...(serial === undefined ? {} : { serial }), cronExpression, cameraRelative, command, origin });
  };
  const camerasOf = (cameras: string[] | undefined) => cameras ?? [undefined];

  p.recordings.forEach((block, b) => {
    const expressions = wallClockExpressions(block.when);
    for (const serial of camerasOf(block.cameras)) {
      for (const expression of expressions) add(recordingOperation(block), serial, expression, false, { kind: 'recording', block: b });
    }
    block.actions.forEach((action, a) => {
      const operation = toOperation(action.do);
      if (SCHEDULABLE[operation.kind]?.cameraRelative !== true) {
        throw new CoreError('invalid-args', `Recording ${b + 1}, action ${a + 1}: Motif runs only output and camera-parameter tasks relative to a recording.`);
      }
      const expressions = relativeExpressions(action, block, random, `recording ${b + 1}, action ${a + 1}`);
      for (const serial of camerasOf(block.cameras)) {
        for (const expression of expressions) add(operation, serial, expression, true, { kind: 'relative', block: b, action: a });
      }
    });
  });
  p.actions.forEach((action, a) => {
    const expressions = wallClockExpressions(action.when);
    for (const serial of camerasOf(action.cameras)) {
      for (const expression of expressions) add(toOperation(action.do), serial, expression, false, { kind: 'wall-clock', action: a });
    }
  });
  return { protocol: p.name, slug, seed, tasks };
}

function recordingOperation(block: RecordingBlock): ScheduledOperation {
  return {
    kind: 'recording.start',
    options: {
      durationSeconds: block.durationSeconds,
      ...(block.codec === undefined ? {} : { codec: block.codec }),
      ...(block.filename === undefined ? {} : { filename: block.filename }),
      ...(block.metadata === undefined ? {} : { metadata: block.metadata }),
    },
  };
}

function toOperation(d: RelativeDo | WallClockDo): ScheduledOperation {
  switch (d.kind) {
    case 'output':
      return { kind: 'outputs.set', name: d.output, value: d.value };
    case 'configure':
      return { kind: 'cameras.configure', name: d.parameter, value: d.value };
    case 'copy':
      return { kind: 'recordings.copy', options: { ...(d.location === undefined ? {} : { location: d.location }), ...(d.deleteAfter === undefined ? {} : { deleteAfter: d.deleteAfter }) } };
    case 'export': {
      const { kind: _k, ...options } = d;
      return { kind: 'recordings.export', options };
    }
  }
}

function relativeExpressions(action: RelativeAction, block: RecordingBlock, random: () => number, where: string): string[] {
  const timing = action.after;
  if ('at' in timing) return [relativeOnce(timing.at)];
  if (timing.jitter === undefined) return [relativeRepeat(timing.every, timing.from)];
  // Jitter: each repeat at its own drawn second, within the recording.
  const offsets: number[] = [];
  for (let k = 0; timing.from + k * timing.every < block.durationSeconds; k++) {
    const shift = Math.round((random() * 2 - 1) * timing.jitter);
    const t = Math.max(1, timing.from + k * timing.every + shift);
    if (t < block.durationSeconds) offsets.push(t);
  }
  const expressions = relativeTimes(offsets);
  if (expressions.length > MAX_JITTER_EXPANSION) {
    throw new CoreError('invalid-args', `${where}: jitter every ${timing.every} s over ${block.durationSeconds} s needs ${expressions.length} tasks; use a longer period or no jitter.`);
  }
  return expressions;
}
