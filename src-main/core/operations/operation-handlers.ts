import { fail, ok, type Result } from '../../contract/errors';
import type { RequestName } from '../../contract/requests';
import type { Target, TargetOutcome } from '../../contract/requests/targets';
import type { Handlers } from '../dispatch';
import { isCopyingStatus, isExportingStatus, isRecordingStatus } from '../motif-api/camera-state';
import { fanOut, toMotifError } from '../motif-api/fan-out';
import { methodFor, pathFor } from '../motif-api/operation-paths';
import { OPERATIONS, type WireObject } from '../motif-api/operation-table';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import * as cmd from './command-builders';
import { isValidTimeZone } from '../cron';
import { recordingEntries } from './normalize';
import { runOnTargets, tellOutcomes, type OperationsDeps } from './run-on-targets';
import { alreadyRecording, planStart } from './skip-recording';
import { addScheduledTask, addTaskChecked, checkableTasks } from './scheduled-tasks';

type OperationName = Extract<
  RequestName,
  | `recording.${string}`
  | `recordings.${string}`
  | `cameras.${string}`
  | `outputs.${string}`
  | `schedule.${string}`
  | `multicam.${string}`
  | 'experiment.message'
  | `operations.${string}`
  | 'rig.call'
>;

const isObject = (v: WireValue): v is WireObject => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A read answer shown as key/values: an object as it is, anything else under `value`. */
const asObject = (v: WireValue): WireObject => (isObject(v) ? v : { value: v });

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
  const run = async (targets: readonly Target[], build: (t: Target) => cmd.RigCommand, progress?: string) =>
    ok(await runOnTargets(deps, targets, build, { progress }));
  const wholeRigs = (rigIds: readonly string[]) => rigIds.map((rigId) => ({ rigId }));

  return {
    'recording.start': async ({ targets, options, progress }) => {
      // A second start on a recording camera would end its file and begin another: skip it, and
      // say so. Decided on the status the app holds, so the start waits for no read.
      const plan = planStart(targets, (id) => deps.camerasOf?.(id));
      const skipped = plan.skipped.map(
        (t): TargetOutcome => ({ rigId: t.rigId, rigName: deps.rigName(t.rigId) ?? t.rigId, ...(t.serial === undefined ? {} : { serial: t.serial }), ok: false, error: alreadyRecording, elapsedMs: 0 }),
      );
      tellOutcomes(deps, progress, skipped);
      const sent = plan.send.length > 0 ? await runOnTargets(deps, plan.send, (t) => cmd.recordingStart(options, t.serial), { progress, recording: true }) : [];
      return ok([...sent, ...skipped]);
    },
    'recording.stop': async ({ targets, progress }) =>
      ok(await runOnTargets(deps, targets, (t) => cmd.recordingStop(t.serial), { progress, recording: false })),
    'cameras.read': ({ target, names }) =>
      read(target.rigId, async (client) => {
        const values: Record<string, WireValue> = {};
        // One parameter per call, as the API reads them; a rig answers these quickly.
        for (const name of names) values[name] = await client.invoke('cameras.read', { serial: target.serial, params: { name } });
        return values;
      }),
    'cameras.configure': ({ targets, params, progress }) => run(targets, (t) => cmd.configure(params, t.serial), progress),
    'cameras.status': ({ target }) =>
      read(target.rigId, async (client) => {
        const [version, listed] = await Promise.all([client.invoke('version'), client.invoke('cameras')]);
        const known = (listed.cameras ?? []).flatMap((c) =>
          isObject(c) && typeof c.serial === 'string' ? [{ serial: c.serial, name: typeof c.name === 'string' ? c.name : undefined }] : [],
        );
        const only = known.filter((c) => target.serial === undefined || c.serial === target.serial);
        const cameras = only.length > 0 || target.serial === undefined ? only : [{ serial: target.serial, name: undefined }];
        const states = await fanOut(cameras, (c) => client.invoke('camera.status', { serial: c.serial }));
        return {
          version,
          cameras: states.map((s) => {
            const id = { serial: s.target.serial, ...(s.target.name === undefined ? {} : { name: s.target.name }) };
            return s.ok
              ? { ...id, recording: isRecordingStatus(s.value), copying: isCopyingStatus(s.value), exporting: isExportingStatus(s.value), status: s.value }
              : { ...id, error: s.error };
          }),
        };
      }),
    'recordings.list': ({ target }) =>
      read(target.rigId, async (client) => recordingEntries(await client.invoke('recordings.list', { serial: target.serial }))),
    'recordings.copy': ({ targets, options, progress }) => run(targets, (t) => cmd.copyAll(options, t.serial), progress),
    'recordings.export': ({ targets, options, progress }) => run(targets, (t) => cmd.exportAll(options, t.serial), progress),
    'outputs.set': ({ targets, name, value, progress }) => run(targets, (t) => cmd.setOutput(name, value, t.serial), progress),
    'outputs.setDevicePort': ({ rigId, ioSerial, ioPort, level }) =>
      run([{ rigId }], () => cmd.setDevicePort(ioSerial, ioPort, level)),
    'outputs.log': ({ targets, values, progress }) => run(targets, (t) => cmd.logIo(values, t.serial), progress),
    'outputs.read': ({ target }) =>
      read(target.rigId, async (client) => asObject(await client.invoke('outputs.read', { serial: target.serial }))),
    'experiment.message': ({ targets, message, progress }) => run(targets, (t) => cmd.message(message, t.serial), progress),
    'schedule.list': ({ rigId, timeZone }) => {
      if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
        return Promise.resolve(fail('invalid-args', `"${timeZone}" is not a time zone name (try e.g. Europe/Vienna).`));
      }
      return read(rigId, async (client) => checkableTasks(await client.invoke('schedule'), timeZone));
    },
    'schedule.add': async (args) => ok(await addScheduledTask(deps, args)),
    'schedule.clear': ({ rigId, taskName }) => run([{ rigId }], () => cmd.clearSchedule(taskName)),
    'multicam.synchronize': ({ rigIds }) => run(wholeRigs(rigIds), () => cmd.synchronize()),
    'multicam.connect': ({ rigId, serial }) => run([{ rigId }], () => cmd.multicam('connect', serial)),
    'multicam.disconnect': ({ rigId, serial }) => run([{ rigId }], () => cmd.multicam('disconnect', serial)),
    'operations.run': async ({ targets, operation, params, body, replace, progress }) => {
      const build = (t: Target) => cmd.checkedCommand(operation, t.serial, params, body);
      const taskName = body?.task_name;
      // A task creation never replaces a task of the same name unless asked, whoever sends it.
      if (OPERATIONS[operation].schedules && typeof taskName === 'string') {
        return ok(await addTaskChecked(deps, { targets, taskName, replace }, build));
      }
      return run(targets, build, progress);
    },
    'operations.read': ({ target, operation, params }) => {
      if (OPERATIONS[operation].delivery !== 'read') {
        return Promise.resolve(fail('invalid-args', `${operation} is not a read; send it with operations.run.`));
      }
      return read(target.rigId, (client) => client.call(pathFor(operation, target.serial, params)));
    },
    'rig.call': async ({ rigId, endpoint, args }) => {
      if (methodFor(endpoint) === 'GET') {
        return read(rigId, async (client) => ({ delivery: 'sent' as const, value: await client.call(endpoint, args) }));
      }
      const [outcome] = await runOnTargets(deps, [{ rigId }], () => ({ endpoint, args }));
      if (!outcome) return fail('internal', 'No outcome for the call.');
      if (!outcome.ok) return { ok: false, error: outcome.error };
      return ok(outcome.delivery === 'sent' ? { delivery: 'sent', value: outcome.value ?? null } : { delivery: 'queued' });
    },
  };
}
