import type { AuditEntry } from '../../contract/requests/audit';
import type { RigStatus } from '../../contract/requests/status';
import { formatInZone, localTimeZone } from '../cron';
import type { Notice, NoticeAbout } from '../notice-board';
import { plan } from './plan';
import { planTask } from './plan-task';
import type { AppliedRecord } from './applied-record';
import type { ActualRecording, StartVerdict } from './outcomes';

/**
 * Did it run? For every planned recording start of the protocols the rigs carry, the rig's
 * status (fed by the status monitor) must show that camera recording from about that time
 * within a grace period; a start that did not happen becomes a notice and an audit entry.
 * Only starts planned after the watcher began are judged: before that no one was looking.
 * What it saw (recordings with their ends, and each verdict) is kept for a week, in memory, so
 * the timeline can show planned against actual for the past.
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
  onError?: (e: unknown) => void;
}

interface Seen {
  serial: string;
  /** On this computer's clock. */
  startMs: number;
  /** When the camera was first seen no longer recording; null while it still is (or the rig went out of sight). */
  endMs: number | null;
}

const DEFAULT_GRACE_MS = 60_000;
const DEFAULT_INTERVAL_MS = 15_000;
/** Observations and verdicts older than this are forgotten: the timeline's past is a week at most. */
const KEEP_MS = 7 * 24 * 3600_000;
/** At most this many recordings per rig and verdicts per rig are kept, so memory stays bounded. */
const KEEP_COUNT = 2000;

const recent = <T>(list: T[], startOf: (t: T) => number, sinceMs: number): T[] =>
  list.filter((t) => startOf(t) > sinceMs).slice(-KEEP_COUNT);

export class RecordingWatcher {
  readonly #deps: RunWatcherDeps;
  readonly #seen = new Map<string, Seen[]>();
  readonly #judged = new Set<string>();
  readonly #verdicts = new Map<string, StartVerdict[]>();
  readonly #since: number;
  #checkedUntil: number;
  #timer: NodeJS.Timeout | undefined;
  #stopStatus: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();

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

  start(): void {
    this.#stopStatus = this.#deps.onStatus((s) => this.observe(s));
    this.#timer = setInterval(() => void this.check(), this.#deps.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.#timer.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopStatus?.();
    await this.#running;
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
      let same = seen.find((s) => s.serial === camera.serial && Math.abs(s.startMs - startMs) < 1000);
      if (!same) seen.push((same = { serial: camera.serial, startMs, endMs: null }));
      recording.add(same);
    }
    // Only an online rig's answer says a camera stopped; an away rig may still be recording.
    if (status.state === 'online' && !status.stale) {
      for (const s of seen) if (s.endMs === null && !recording.has(s)) s.endMs = Math.max(s.startMs, at);
    }
    this.#seen.set(status.rigId, seen);
  }

  /** What was seen and judged on a rig between the two times (clipped to now: the past only). */
  past(rigId: string, fromMs: number, untilMs: number): { actual: ActualRecording[]; verdicts: StartVerdict[] } {
    const until = Math.min(untilMs, this.#now());
    const actual = (this.#seen.get(rigId) ?? [])
      .filter((s) => s.startMs <= until && (s.endMs ?? this.#now()) >= fromMs)
      .map((s) => ({ camera: s.serial, startMs: s.startMs, endMs: s.endMs }));
    const verdicts = (this.#verdicts.get(rigId) ?? []).filter((v) => v.atMs >= fromMs && v.atMs <= until);
    return { actual, verdicts };
  }

  #judge(rigId: string, verdict: StartVerdict): void {
    this.#verdicts.set(rigId, [...recent(this.#verdicts.get(rigId) ?? [], (v) => v.atMs, this.#now() - KEEP_MS), verdict]);
  }

  /** Judges every planned start whose grace period is over; resolves when notices and audit entries are made. */
  check(): Promise<void> {
    this.#running = this.#running.then(() => this.#check()).catch((e: unknown) => this.#deps.onError?.(e));
    return this.#running;
  }

  async #check(): Promise<void> {
    const until = this.#now() - this.#grace;
    if (until <= this.#checkedUntil) return;
    const from = this.#checkedUntil;
    this.#checkedUntil = until;
    for (const record of await this.#deps.applied()) {
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
        const key = `${record.rigId}|${e.task}|${e.atMs}`;
        if (this.#judged.has(key)) continue;
        this.#judged.add(key);
        const seen = (this.#seen.get(record.rigId) ?? []).some(
          (s) => (e.camera === null || s.serial === e.camera) && s.startMs >= e.atMs - this.#grace && s.startMs <= e.atMs + this.#grace,
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
