import type { MotifBridge } from '../../../src-main/contract/bridge';
import type { MotifError, Result } from '../../../src-main/contract/errors';
import type { Args, Res } from '../../../src-main/contract/requests';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import type { AppSlice } from '../../store/app-store';

export interface RigSchedule {
  tasks: ScheduledTask[];
  /** The rig's clock when listed, and this PC's clock at that moment: the clock ticks from these. */
  rigNowUnixSeconds: number | null;
  listedAtMs: number;
  error: MotifError | null;
}

export interface ScheduleSlice {
  scheduleByRig: Record<string, RigSchedule>;
  /** `timeZone`: the rig's zone, for next runs; kept for later reloads of that rig. */
  loadSchedule(rigId: string, timeZone?: string): Promise<void>;
  /** Clears one task (or all) and reloads the rig's list. */
  clearScheduledTasks(rigId: string, taskName?: string): Promise<Result<Res<'schedule.clear'>>>;
  /** Adds the task and reloads the lists of the rigs it went to. */
  addScheduledTask(args: Args<'schedule.add'>): Promise<Result<Res<'schedule.add'>>>;
}

export const scheduleSlice =
  (bridge: MotifBridge): AppSlice<ScheduleSlice> =>
  (set, get) => {
    const reloadAll = (rigIds: Iterable<string>) => Promise.all([...new Set(rigIds)].map((id) => get().loadSchedule(id)));
    const zones = new Map<string, string>();
    return {
      scheduleByRig: {},
      async loadSchedule(rigId, timeZone) {
        if (timeZone !== undefined) zones.set(rigId, timeZone);
        const zone = zones.get(rigId);
        const r = await bridge.call('schedule.list', zone === undefined ? { rigId } : { rigId, timeZone: zone });
        set((s) => {
          const previous = s.scheduleByRig[rigId];
          // On failure keep the last known task list and clock, with the error beside them.
          const next: RigSchedule = r.ok
            ? { tasks: r.value.tasks, rigNowUnixSeconds: r.value.rigNowUnixSeconds, listedAtMs: Date.now(), error: null }
            : { tasks: previous?.tasks ?? [], rigNowUnixSeconds: previous?.rigNowUnixSeconds ?? null, listedAtMs: previous?.listedAtMs ?? Date.now(), error: r.error };
          return { scheduleByRig: { ...s.scheduleByRig, [rigId]: next } };
        });
      },
      async clearScheduledTasks(rigId, taskName) {
        const r = await bridge.call('schedule.clear', taskName === undefined ? { rigId } : { rigId, taskName });
        await get().loadSchedule(rigId);
        return r;
      },
      async addScheduledTask(args) {
        const r = await bridge.call('schedule.add', args);
        await reloadAll(args.targets.map((t) => t.rigId));
        return r;
      },
    };
  };
