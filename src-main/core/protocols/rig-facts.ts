import type { MotifError } from '../../contract/errors';
import { toMotifError } from '../errors';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import { scheduledTasks } from '../operations/normalize';
import { taskArgs } from '../operations/scheduled-tasks';
import { readCameraList, readClockOffsetMs } from '../status/status-read';
import { planTask, type PlanTask } from './plan-task';

/**
 * What a plan and its checks need to know of a rig, read now: its tasks (to plan the others
 * and find name clashes), its clock against ours, its zone, cameras and the outputs it reports.
 */
export type RigFacts =
  | {
      reachable: true;
      cameras: string[];
      timeZone?: string;
      clockOffsetSeconds: number | null;
      /** Output names per camera, from each camera's status (`io_info.outputs`). */
      outputs: Record<string, string[]>;
      tasks: { name: string; planned: PlanTask | null }[];
    }
  | { reachable: false; error: MotifError };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const ZONE_FIELDS = ['timezone', 'time_zone', 'tz'];

export async function readRigFacts(client: RigEndpoints): Promise<RigFacts> {
  try {
    const sentAt = Date.now();
    const schedule = await client.invoke('schedule');
    const offsetMs = readClockOffsetMs(schedule, sentAt, Date.now());
    const listed = scheduledTasks(schedule).tasks;
    const cameras = readCameraList(await client.invoke('cameras')).map((c) => c.serial);
    const outputs: Record<string, string[]> = {};
    let timeZone: string | undefined;
    for (const serial of cameras) {
      const status = await client.invoke('camera.status', { serial });
      const info = isObj(status.camera_info) ? status.camera_info : {};
      timeZone ??= ZONE_FIELDS.map((f) => info[f]).find((v): v is string => typeof v === 'string' && v !== '');
      const io = isObj(status.io_info) ? status.io_info : isObj(info.io_info) ? info.io_info : undefined;
      if (io && isObj(io.outputs)) outputs[serial] = Object.keys(io.outputs);
    }
    return {
      reachable: true,
      cameras,
      ...(timeZone === undefined ? {} : { timeZone }),
      clockOffsetSeconds: offsetMs === null ? null : offsetMs / 1000,
      outputs,
      tasks: listed.map((t) => ({
        name: t.name,
        planned: t.endpoint === undefined || t.cronExpression === undefined
          ? null
          : planTask({ name: t.name, endpoint: t.endpoint, args: taskArgs(t.raw), cronExpression: t.cronExpression, cameraRelative: t.cameraRelative === true }, 'other'),
      })),
    };
  } catch (e) {
    return { reachable: false, error: toMotifError(e) };
  }
}
