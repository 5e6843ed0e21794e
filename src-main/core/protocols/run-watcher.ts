import type { AuditEntry } from '../../contract/requests/audit';
import type { RigStatus } from '../../contract/requests/status';
import { localTimeZone } from '../cron';
import type { Notice, NoticeAbout } from '../notice-board';
import { plan } from './plan';
import { planTask } from './plan-task';
import type { AppliedRecord } from './applied-record';

/**
 * Did it run? For every planned recording start of the protocols the rigs carry, the rig's
 * status (fed by the status monitor) must show that camera recording from about that time
 * within a grace period; a start that did not happen becomes a notice and an audit entry.
 * Only starts planned after the watcher began are judged: before that no one was looking.
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
}

const DEFAULT_GRACE_MS = 60_000;
const DEFAULT_INTERVAL_MS = 15_000;
/** Observations older than this are no longer needed to judge anything. */
const KEEP_MS = 6 * 3600_000;

export class RecordingWatcher {
  readonly #deps: RunWatcherDeps;
  readonly #seen = new Map<string, Seen[]>();
  readonly #judged = new Set<string>();
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

  /** Notes each camera seen recording, with its start on this computer's clock. */
  observe(status: RigStatus): void {
    const offsetMs = status.clockOffsetMs ?? 0;
    const seen = (this.#seen.get(status.rigId) ?? []).filter((s) => s.startMs > this.#now() - KEEP_MS);
    for (const camera of status.cameras) {
      if (camera.state !== 'recording' && camera.state !== 'pending') continue;
      const rigStart = camera.recording?.startedAtMs;
      const startMs = rigStart === null || rigStart === undefined ? (status.checkedAtMs ?? this.#now()) : rigStart - offsetMs;
      if (!seen.some((s) => s.serial === camera.serial && Math.abs(s.startMs - startMs) < 1000)) seen.push({ serial: camera.serial, startMs });
    }
    this.#seen.set(status.rigId, seen);
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
      const planned = plan({
        rig: rigName, tasks, from: new Date(from), until: new Date(until),
        timeZone: status?.cameras.find((c) => c.timeZone)?.timeZone ?? localTimeZone(),
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
        if (seen) continue;
        this.#report(record, rigName, e.at, e.atMs, e.task, e.camera, status);
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
