import type { RecordingEntry, ScheduledTask } from '../../contract/requests/operations';
import type { JsonValue } from '../../contract/requests/targets';
import type { WireValue } from '../python-json';

/**
 * Motif documents few response fields; these read what rigs are known to send and keep
 * the rest in `raw`, so the window can show lists without trusting one exact shape.
 */

type Obj = { [key: string]: WireValue };
const isObj = (v: WireValue | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: WireValue | undefined) => (typeof v === 'string' ? v : undefined);
const num = (v: WireValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: WireValue | undefined) => (typeof v === 'boolean' ? v : undefined);

/** Lists arrive bare, under a key, or keyed by camera serial; flatten to items with their serial. */
function items(value: WireValue, key: string): { serial?: string; item: Obj }[] {
  if (Array.isArray(value)) return value.filter(isObj).map((item) => ({ item }));
  if (!isObj(value)) return [];
  const listed = value[key];
  if (listed !== undefined) return items(listed, key);
  return Object.entries(value).flatMap(([serial, v]) =>
    Array.isArray(v) ? v.filter(isObj).map((item) => ({ serial, item })) : [],
  );
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** `value`: a rig's answer to `recordings` or `camera/<serial>/recordings`. */
export function recordingEntries(value: unknown): RecordingEntry[] {
  return items(value as WireValue, 'recordings').map(({ serial, item }) => {
    const path = str(item.path);
    const start = num(item.start_time) ?? num(item.start);
    return defined({
      serial: str(item.serial) ?? serial,
      name: str(item.filename) ?? str(item.name) ?? path?.split('/').pop() ?? '(unnamed)',
      path,
      sizeBytes: num(item.size) ?? num(item.size_bytes),
      startedAt: start === undefined ? undefined : new Date(start * 1000).toISOString(),
      durationSeconds: num(item.duration),
      copied: bool(item.copied),
      exported: bool(item.exported),
      raw: item as Record<string, JsonValue>,
    });
  });
}

/** A task as the rig lists it; its words and next run are added from the table and the cron engine. */
export type ListedTask = Omit<ScheduledTask, 'words' | 'cronWords' | 'nextRun'>;

/** `answer`: a rig's answer to `schedule`. */
export function scheduledTasks(answer: unknown): { rigNowUnixSeconds: number | null; tasks: ListedTask[] } {
  const value = answer as WireValue;
  const now = isObj(value) ? (num(value.now) ?? null) : null;
  return {
    rigNowUnixSeconds: now,
    tasks: items(value, 'tasks').map(({ item }) =>
      defined({
        name: str(item.task_name) ?? str(item.name) ?? '(unnamed)',
        cronExpression: str(item.cron_expression) ?? str(item.cron),
        cameraRelative: bool(item.camera_relative),
        endpoint: str(item.endpoint) ?? str(item.path),
        raw: item as Record<string, JsonValue>,
      }),
    ),
  };
}
