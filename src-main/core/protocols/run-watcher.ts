import type { AuditEntry } from '../../contract/requests/audit';
import type { RigStatus } from '../../contract/requests/status';
import { formatInZone, localTimeZone } from '../cron';
import type { Notice, NoticeAbout } from '../notice-board';
import { plan } from './plan';
import { planTask } from './plan-task';
import type { AppliedRecord } from './applied-record';
import type { ActualRecording, StartVerdict } from './outcomes';
import type { Watched, WatchFile } from './watch-file';

/**
 * Did it run? For every planned recording start of the protocols the rigs carry, the rig's
 * status (fed by the status monitor) must show that camera recording from about that time
 * within a grace period; a start that did not happen becomes a notice and an audit entry.
 * Only starts planned after the watcher began are judged: before that no one was looking.
 * What it saw (recordings with their ends, and each verdict) is kept for a week, so the
 * timeline can show planned against actual for the past; with a file, across restarts too,
 * and a start judged before a restart is not judged (nor alerted) again.
 */

export interface RunWatcherDeps {
  applied(): Promise<AppliedRecord[]>;
  status(rigId: string): RigStatus | undefined;
  onStatus(listener: (status: RigStatus) => void): () => void;
  rigName(rigId: string): string | undefined;
  notice(level: Notice['level'], message: string, about: NoticeAbout): void;
  audit(entry: AuditEntry): void;
  now?: () => number;
  /** How late a start may be seen and still count (default 60 s). */
  graceMs?: number;
  /** How often planned starts are judged (default 15 s). */
  intervalMs?: number;
  /** Where what was seen and judged is kept; none: in memory only. */
  file?: WatchFile;
  /** How long a change waits before it is written, so a burst is written once (default 2 s). */
  writeDelayMs?: number;
  onError?: (e: unknown) => void;
}

/**
 * A recording seen, on this computer's clock; `endMs` is when the camera was first seen no longer
 * recording, null while it still is (or the rig went out of sight).
 */
type Seen = ActualRecording;

const DEFAULT_GRACE_MS = 60_000;
const DEFAULT_INTERVAL_MS = 15_000;
const DEFAULT_WRITE_DELAY_MS = 2_000;
/** Observations and verdicts older than this are forgotten: the timeline's past is a week at most. */
const KEEP_MS = 7 * 24 * 3600_000;
/** At most this many recordings per rig and verdicts per rig are kept, so memory and the file stay bounded. */
const KEEP_COUNT = 2000;

const recent = <T>(list: T[], startOf: (t: T) => number, sinceMs: number): T[] =>
  list.filter((t) => startOf(t) > sinceMs).slice(-KEEP_COUNT);

/** One recording, seen twice: the same camera, started within a second. */
const sameRecording = (a: Pick<Seen, 'camera' | 'startMs'>, b: Pick<Seen, 'camera' | 'startMs'>) =>
  a.camera === b.camera && Math.abs(a.startMs - b.startMs) < 1000;

export class RecordingWatcher {
  readonly #deps: RunWatcherDeps;
  readonly #seen = new Map<string, Seen[]>();
  /** Each planned start judged, by rig: also what says a start was judged already. */
  readonly #verdicts = new Map<string, StartVerdict[]>();
  readonly #since: number;
  #checkedUntil: number;
  #protocolRigs = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #stopStatus: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();
  #writeTimer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(deps: RunWatcherDeps) {
    this.#deps = deps;
    this.#since = this.#now();
    this.#checkedUntil = this.#since;
  }

  #now(): number {
    return this.#deps.now?.() ?? Date.now();
  }

  get #grace(): number {
    return this.#deps.graceMs ?? DEFAULT_GRACE_MS;
  }

  /** Starts watching; what an earlier run kept is read first, before any start is judged. */
  start(): void {
    this.#running = this.#save();
    this.#stopStatus = this.#deps.onStatus((s) => this.observe(s));
    this.#timer = setInterval(() => void this.check(), this.#deps.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.#timer.unref?.();
  }

  /** Stops watching, once what was seen and judged is written. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopStatus?.();
    await this.#running;
    if (this.#writeTimer !== undefined) {
      clearTimeout(this.#writeTimer);
      this.#writeTimer = undefined;
      await this.#save();
    }
    await this.#writing;
  }

  /**
   * Notes each camera seen recording, with its start on this computer's clock, and ends the
   * recordings of cameras an online rig shows no longer recording.
   */
  observe(status: RigStatus): void {
    const offsetMs = status.clockOffsetMs ?? 0;
    const at = status.checkedAtMs ?? this.#now();
    const seen = recent(this.#seen.get(status.rigId) ?? [], (s) => s.endMs ?? this.#now(), this.#now() - KEEP_MS);
    const recording = new Set<Seen>();
    for (const camera of status.cameras) {
      if (camera.state !== 'recording' && camera.state !== 'pending') continue;
      const rigStart = camera.recording?.startedAtMs;
      const startMs = rigStart === null || rigStart === undefined ? at : rigStart - offsetMs;
      let same = seen.find((s) => sameRecording(s, { camera: camera.serial, startMs }));
      if (!same) {
        seen.push((same = { camera: camera.serial, startMs, endMs: null }));
        this.#changed();
      }
      recording.add(same);
    }
    // Only an online rig's answer says a camera stopped; an away rig may still be recording.
    if (status.state === 'online' && !status.stale) {
      for (const s of seen) {
        if (s.endMs !== null || recording.has(s)) continue;
        s.endMs = Math.max(s.startMs, at);
        this.#changed();
      }
    }
    this.#seen.set(status.rigId, seen);
  }

  /** What was seen and judged on a rig between the two times (clipped to now: the past only). */
  past(rigId: string, fromMs: number, untilMs: number): { actual: ActualRecording[]; verdicts: StartVerdict[] } {
    const until = Math.min(untilMs, this.#now());
    const actual = (this.#seen.get(rigId) ?? [])
      .filter((s) => s.startMs <= until && (s.endMs ?? this.#now()) >= fromMs)
      .map((s) => ({ ...s }));
    const verdicts = (this.#verdicts.get(rigId) ?? []).filter((v) => v.atMs >= fromMs && v.atMs <= until);
    return { actual, verdicts };
  }

  #judge(rigId: string, verdict: StartVerdict): void {
    this.#verdicts.set(rigId, [...recent(this.#verdicts.get(rigId) ?? [], (v) => v.atMs, this.#now() - KEEP_MS), verdict]);
    this.#changed();
  }

  #judged(rigId: string, task: string, atMs: number): boolean {
    return (this.#verdicts.get(rigId) ?? []).some((v) => v.task === task && v.atMs === atMs);
  }

  /** A change is written a little later, with whatever else changed meanwhile (status polls come in bursts). */
  #changed(): void {
    if (!this.#deps.file || this.#writeTimer !== undefined) return;
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = undefined;
      void this.#save();
    }, this.#deps.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS);
    this.#writeTimer.unref?.();
  }

  /** Takes in what the file keeps (an earlier run's, or another process's) and writes the union, a week of it. */
  #save(): Promise<void> {
    const file = this.#deps.file;
    if (!file) return Promise.resolve();
    this.#writing = this.#writing
      .then(() => file.update((kept) => this.#adopt(kept)))
      .catch((e: unknown) => this.#deps.onError?.(e));
    return this.#writing;
  }

  #adopt(kept: Watched): Watched {
    const since = this.#now() - KEEP_MS;
    const out: Watched = { seen: {}, verdicts: {} };
    for (const rigId of new Set([...this.#seen.keys(), ...Object.keys(kept.seen)])) {
      const mine = this.#seen.get(rigId) ?? [];
      for (const k of kept.seen[rigId] ?? []) {
        const same = mine.find((m) => sameRecording(m, k));
        if (!same) mine.push({ ...k });
        // Seen to end by the other: ended, however this one last saw it.
        else if (same.endMs === null && k.endMs !== null) same.endMs = k.endMs;
      }
      const list = recent(mine.sort((a, b) => a.startMs - b.startMs), (s) => s.endMs ?? this.#now(), since);
      this.#seen.set(rigId, list);
      out.seen[rigId] = list;
    }
    for (const rigId of new Set([...this.#verdicts.keys(), ...Object.keys(kept.verdicts)])) {
      const mine = this.#verdicts.get(rigId) ?? [];
      for (const k of kept.verdicts[rigId] ?? []) if (!mine.some((m) => m.task === k.task && m.atMs === k.atMs)) mine.push(k);
      const list = recent(mine.sort((a, b) => a.atMs - b.atMs), (v) => v.atMs, since);
      this.#verdicts.set(rigId, list);
      out.verdicts[rigId] = list;
    }
    return out;
  }

  /**
   * The rig carries an applied protocol (as of the last check): its status is read at the
   * quick pace, so a short planned recording is seen, not taken for a missed start.
   */
  carriesProtocol(rigId: string): boolean {
    return this.#protocolRigs.has(rigId);
  }

  /** Judges every planned start whose grace period is over; resolves when notices and audit entries are made. */
  check(): Promise<void> {
    this.#running = this.#running.then(() => this.#check()).catch((e: unknown) => this.#deps.onError?.(e));
    return this.#running;
  }

  async #check(): Promise<void> {
    const until = this.#now() - this.#grace;
    const records = await this.#deps.applied();
    this.#protocolRigs = new Set(records.map((r) => r.rigId));
    if (until <= this.#checkedUntil) return;
    const from = this.#checkedUntil;
    this.#checkedUntil = until;
    for (const record of records) {
      const status = this.#deps.status(record.rigId);
      const rigName = this.#deps.rigName(record.rigId) ?? record.rigId;
      const tasks = record.tasks.map((t) => planTask(t, 'protocol'));
      const timeZone = status?.cameras.find((c) => c.timeZone)?.timeZone ?? localTimeZone();
      const planned = plan({
        tasks, from: new Date(from), until: new Date(until), timeZone,
        clockOffsetSeconds: (status?.clockOffsetMs ?? 0) / 1000,
        cameras: status?.cameras.map((c) => c.serial) ?? [],
      }).events.filter((e) => e.kind === 'recording' && e.atMs >= this.#since);
      for (const e of planned) {
        if (this.#judged(record.rigId, e.task, e.atMs)) continue;
        const seen = (this.#seen.get(record.rigId) ?? []).some(
          (s) => (e.camera === null || s.camera === e.camera) && s.startMs >= e.atMs - this.#grace && s.startMs <= e.atMs + this.#grace,
        );
        const away = status === undefined || status.state !== 'online';
        this.#judge(record.rigId, { task: e.task, atMs: e.atMs, camera: e.camera, verdict: seen ? 'ran' : away ? 'not-seen' : 'missed' });
        if (seen) continue;
        this.#report(record, rigName, formatInZone(new Date(e.atMs), timeZone), e.atMs, e.task, e.camera, status);
      }
    }
  }

  #report(record: AppliedRecord, rigName: string, at: string, atMs: number, task: string, camera: string | null, status: RigStatus | undefined): void {
    const where = camera === null ? '' : ` on camera ${camera}`;
    const away = status === undefined || status.state !== 'online';
    const message = away
      ? `${rigName} should have started recording at ${at}${where} (protocol "${record.protocol}", task "${task}"), but the app could not see it then: the rig was ${status?.state ?? 'not monitored'}.`
      : `${rigName} did not start recording at ${at}${where} as planned (protocol "${record.protocol}", task "${task}").`;
    const details = { rigId: record.rigId, protocol: record.protocol, task, plannedAt: at, camera };
    const advice = away
      ? 'Check that the rig is on and reachable; its tasks run on the rig even while this app cannot see it.'
      : "Open the rig's Schedule to see that the task is there (Protocols says when a rig's tasks no longer match), and check that the camera is connected and the disk is not full.";
    this.#deps.notice(away ? 'warning' : 'error', message, {
      rigId: record.rigId, rigName, ...(camera !== null ? { serial: camera } : {}), advice, episode: `missed-start:${record.rigId}:${task}:${atMs}`, details,
    });
    this.#deps.audit({
      at: new Date(this.#now()).toISOString(), rigId: record.rigId, rigName,
      endpoint: camera === null ? 'recording/start' : `camera/${camera}/recording/start`, method: 'POST',
      args: { task, plannedAt: at, plannedAtMs: atMs }, words: message, outcome: 'error',
      errorCode: 'missed-start', errorMessage: message, durationMs: 0,
    });
  }
}
