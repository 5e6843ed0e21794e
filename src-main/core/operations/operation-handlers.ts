import { fail, ok, type Result } from '../../contract/errors';
import type { Target } from '../../contract/requests/targets';
import type { Handlers } from '../dispatch';
import { toMotifError } from '../motif-api/fan-out';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import { recordingEntries, scheduledTasks } from './normalize';
import * as cmd from './command-builders';
import { runOnTargets, type OperationsDeps } from './run-on-targets';

type OperationName =
  | 'recording.start'
  | 'recording.stop'
  | 'cameras.read'
  | 'cameras.configure'
  | 'recordings.list'
  | 'recordings.copy'
  | 'recordings.export'
  | 'outputs.set'
  | 'outputs.setDevicePort'
  | 'outputs.log'
  | 'outputs.read'
  | 'experiment.message'
  | 'schedule.list'
  | 'schedule.add'
  | 'schedule.clear'
  | 'multicam.synchronize'
  | 'multicam.connect'
  | 'multicam.disconnect';

/** Every hand operation of the vendor API, over one rig or many at once. */
export function operationHandlers(deps: OperationsDeps): Pick<Handlers, OperationName> {
  /** A read from one rig: the value, or the rig's failure as a contract error. */
  const read = async <T>(rigId: string, fn: (client: RigEndpoints) => Promise<T>): Promise<Result<T>> => {
    if (deps.rigName(rigId) === undefined) return fail('not-found', `No rig with id ${rigId} is configured.`);
    try {
      return ok(await fn(await deps.clientFor(rigId)));
    } catch (e) {
      return { ok: false, error: toMotifError(e) };
    }
  };
  const run = async (targets: readonly Target[], build: (t: Target) => cmd.RigCommand) =>
    ok(await runOnTargets(deps, targets, build));
  const wholeRigs = (rigIds: readonly string[]) => rigIds.map((rigId) => ({ rigId }));

  return {
    'recording.start': ({ targets, options }) => run(targets, (t) => cmd.recordingStart(options, t.serial)),
    'recording.stop': ({ targets }) => run(targets, (t) => cmd.recordingStop(t.serial)),
    'cameras.read': ({ target, names }) =>
      read(target.rigId, async (client) => {
        const values: Record<string, WireValue> = {};
        // One parameter per call, as the API reads them; a rig answers these quickly.
        for (const name of names) values[name] = await client.readParameter(name, target.serial);
        return values as Record<string, never>;
      }),
    'cameras.configure': ({ targets, params }) => run(targets, (t) => cmd.configure(params, t.serial)),
    'recordings.list': ({ target }) =>
      read(target.rigId, async (client) => recordingEntries(await client.recordings(target.serial))),
    'recordings.copy': ({ targets, options }) => run(targets, (t) => cmd.copyAll(options, t.serial)),
    'recordings.export': ({ targets, options }) => run(targets, (t) => cmd.exportAll(options, t.serial)),
    'outputs.set': ({ targets, name, value }) => run(targets, (t) => cmd.setOutput(name, value, t.serial)),
    'outputs.setDevicePort': ({ rigId, ioSerial, ioPort, level }) =>
      run([{ rigId }], () => cmd.setDevicePort(ioSerial, ioPort, level)),
    'outputs.log': ({ targets, values }) => run(targets, (t) => cmd.logIo(values, t.serial)),
    'outputs.read': ({ target }) =>
      read(target.rigId, async (client) => (await client.readIo(target.serial)) as Record<string, never>),
    'experiment.message': ({ targets, message }) => run(targets, (t) => cmd.message(message, t.serial)),
    'schedule.list': ({ rigId }) => read(rigId, async (client) => scheduledTasks(await client.schedule())),
    'schedule.add': ({ targets, taskName, cronExpression, cameraRelative, operation }) =>
      run(targets, (t) => cmd.scheduleTask({ taskName, cronExpression, cameraRelative }, operation, t.serial)),
    'schedule.clear': ({ rigId, taskName }) => run([{ rigId }], () => cmd.clearSchedule(taskName)),
    'multicam.synchronize': ({ rigIds }) => run(wholeRigs(rigIds), () => cmd.synchronize()),
    'multicam.connect': ({ rigId, serial }) => run([{ rigId }], () => cmd.multicam('connect', serial)),
    'multicam.disconnect': ({ rigId, serial }) => run([{ rigId }], () => cmd.multicam('disconnect', serial)),
  };
}
