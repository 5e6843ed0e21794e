/** The scheduler endpoints: list, create (schedule/<command>), clear one, clear all. */
import type { WireValue } from '../core/python-json';
import { type Args, optionalBoolean, requireString } from './args';
import { checkParam } from './camera-params';
import type { RigModel } from './rig-model';
import { recordingRequest } from './routes-cameras';
import { outputValueArg } from './routes-io';
import { route, type Route } from './router';
import { badRequest, notFound } from './wire-errors';

const SCHEDULING_ARGS = ['task_name', 'cron_expression', 'camera_relative'];

export function scheduleRoutes(rig: RigModel): Route[] {
  return [
    route('GET', 'schedule', () => ({ tasks: rig.scheduler.list(), now: Date.now() / 1000 })),
    route('POST', 'schedule/clear', () => ({ cleared: rig.scheduler.clearAll() })),
    route('DELETE', 'schedule/:task/clear', ({ task }) => {
      if (!rig.scheduler.clear(task!)) throw notFound(`no scheduled task named '${task}'`);
      return { cleared: [task!] };
    }),
    // Every other schedule/... endpoint creates a task for the command after "schedule/".
    {
      method: 'POST',
      pattern: /^schedule\/(.+)$/,
      names: ['target'],
      handle: ({ target }, args) => createTask(rig, target!, args),
    },
  ];
}

function createTask(rig: RigModel, target: string, args: Args): WireValue {
  const name = requireString(args, 'task_name');
  const cronExpression = requireString(args, 'cron_expression');
  const cameraRelative = optionalBoolean(args, 'camera_relative') ?? false;
  const cronError = rig.scheduler.validate(cronExpression);
  if (cronError) throw badRequest(`bad cron_expression '${cronExpression}': ${cronError}`);
  const commandArgs: Args = Object.fromEntries(Object.entries(args).filter(([k]) => !SCHEDULING_ARGS.includes(k)));
  const { endpoint, taskArgs } = commandOf(target, commandArgs);
  // A target no route answers is a POST here, and resolve below says it is unknown.
  const method = rig.methodOf(endpoint) ?? 'POST';
  if (method === 'GET' || method === 'DELETE' || endpoint.startsWith('schedule'))
    throw badRequest(`'${target}' cannot be scheduled: only commands can`);
  const { params } = rig.resolve(method, endpoint);
  checkCommand(rig, endpoint, params, taskArgs);
  const serial = params.serial ?? rig.firstSerial;
  rig.scheduler.add({ name, cronExpression, method, endpoint, args: taskArgs, cameraRelative, serial });
  const listed = rig.scheduler.list().find((t) => t.task_name === name);
  return { task_name: name, cron_expression: cronExpression, endpoint, camera_relative: cameraRelative, next_run: listed?.next_run ?? null };
}

/** schedule/.../configure/<name> with value=V runs .../configure with {<name>: V}. */
function commandOf(target: string, args: Args): { endpoint: string; taskArgs: Args } {
  const configure = /^(camera\/[^/]+|cameras)\/configure\/([^/]+)$/.exec(target);
  if (!configure) return { endpoint: target, taskArgs: args };
  if (args.value === undefined) throw badRequest("missing required argument 'value'");
  return { endpoint: `${configure[1]}/configure`, taskArgs: { [configure[2]!]: args.value } };
}

/** Rejects at creation what would fail at fire time: unknown serials, outputs, bad values. */
function checkCommand(rig: RigModel, endpoint: string, params: Record<string, string>, args: Args): void {
  if (params.serial !== undefined && !endpoint.startsWith('multicam/')) rig.camera(params.serial);
  if (endpoint.endsWith('/configure')) for (const [k, v] of Object.entries(args)) checkParam(k, v);
  if (endpoint.endsWith('recording/start')) recordingRequest(rig, args);
  const io = /io\/([^/]+)\/set$/.exec(endpoint);
  if (io && params.name !== undefined) {
    const bank = rig.outputBank(params.serial ?? rig.firstSerial);
    if (!bank.has(params.name)) throw notFound(`no output named '${params.name}'`);
    outputValueArg(args);
  }
}
