/**
 * Polls every configured rig and keeps what it last knew of each: pushes one rig's status
 * when it changes, persists the lot so a restarted app shows every rig at once (stale).
 */
import type { RigStatus } from '../../contract/requests/status';
import { DEFAULT_BACKOFF } from './backoff';
import { StatusCache } from './status-cache';
import { RigPoller, emptyStatus, type ClientFor, type PollTiming } from './rig-poller';

export type { ClientFor } from './rig-poller';

/** What the monitor needs of the rig registry (the real RigRegistry satisfies it). */
export interface MonitoredRigs {
  list(): { id: string; name: string }[];
  onChange(listener: (rigs: { id: string; name: string }[]) => void): () => void;
}

export interface StatusMonitorOptions {
  rigs: MonitoredRigs;
  clientFor: ClientFor;
  /** Folder for the persisted status; none: nothing is persisted. */
  cacheDir?: string;
  /** Between polls of a rig that records, that someone looks at, or that just received a command (default 1 s). */
  intervalMs?: number;
  /** Between polls of an idle rig nobody looks at (default 5 s, never below intervalMs). */
  idleIntervalMs?: number;
  /** How long a rig stays on the quick pace after a command was sent to it (default 10 s). */
  quickAfterCommandMs?: number;
  /** Rigs read at the quick pace for a reason of their own (a protocol runs on them). */
  alsoQuick?: (rigId: string) => boolean;
  slowIntervalMs?: number;
  requestTimeoutMs?: number;
  /** Longest a slow rig is waited for before it counts as offline (default: four times requestTimeoutMs). */
  maxRequestTimeoutMs?: number;
  backoff?: Partial<PollTiming['backoff']>;
  statusWriteIntervalMs?: number;
}

export type StatusListener = (status: RigStatus, previous: RigStatus) => void;

/** A start (recording: true) or stop sent to one camera of a rig (no serial: all of them). */
export interface RecordingEffect {
  serial?: string;
  recording: boolean;
}

export class StatusMonitor {
  readonly #pollers = new Map<string, RigPoller>();
  readonly #restored = new Map<string, RigStatus>();
  readonly #listeners = new Set<StatusListener>();
  readonly #signatures = new Map<string, string>();
  /** Until when each rig is on the quick pace because someone looks at it, or because a command went to it. */
  readonly #watchedUntil = new Map<string, number>();
  readonly #commandedUntil = new Map<string, number>();
  /** Starts and stops sent, by rig, until a poll that began after them confirms the rig's state. */
  readonly #assumed = new Map<string, (RecordingEffect & { sinceMs: number })[]>();
  readonly #timing: PollTiming;
  readonly #cache: StatusCache | null;
  #unsubscribe: (() => void) | null = null;
  #started = false;
  #starting: Promise<void> | null = null;

  constructor(private readonly options: StatusMonitorOptions) {
    const intervalMs = options.intervalMs ?? 1000;
    const requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.#timing = {
      intervalMs,
      idleIntervalMs: Math.max(intervalMs, options.idleIntervalMs ?? 5 * intervalMs),
      slowIntervalMs: options.slowIntervalMs ?? Math.max(30 * intervalMs, 30_000),
      requestTimeoutMs,
      maxRequestTimeoutMs: Math.max(requestTimeoutMs, options.maxRequestTimeoutMs ?? 4 * requestTimeoutMs),
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    };
    this.#cache = options.cacheDir ? new StatusCache(options.cacheDir, options.statusWriteIntervalMs) : null;
  }

  /** Load the persisted status (shown stale until each rig answers), then start polling. */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  /** Resolves once the persisted status is loaded and every rig is polled (not necessarily answered). */
  async ready(): Promise<void> {
    await this.#starting;
  }

  async #start(): Promise<void> {
    for (const s of (await this.#cache?.load()) ?? []) {
      // Nothing of it is confirmed by this run: unknown until polled, last known values kept.
      this.#restored.set(s.rigId, { ...s, state: 'unknown', stale: true, problem: null, retryDelayMs: null });
    }
    this.#started = true;
    this.#sync(this.options.rigs.list());
    this.#unsubscribe = this.options.rigs.onChange((rigs) => this.#sync(rigs));
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    for (const p of this.#pollers.values()) p.stop();
    this.#pollers.clear();
    this.#started = false;
    this.#starting = null;
    await this.#cache?.flush();
  }

  /** Every configured rig's last known status, in registry order. */
  list(): RigStatus[] {
    return this.options.rigs
      .list()
      .map((r) => this.#pollers.get(r.id)?.status ?? emptyStatus(r.id, r.name));
  }

  get(rigId: string): RigStatus | undefined {
    return this.#pollers.get(rigId)?.status;
  }

  /** Poll now (one rig or all) and wait for the answers. */
  async refresh(rigId?: string): Promise<RigStatus[]> {
    await this.ready();
    // A rig added a moment ago may not have reached us through onChange yet.
    if (this.#started) this.#sync(this.options.rigs.list());
    const targets = rigId === undefined ? [...this.#pollers.values()] : [this.#pollers.get(rigId)].filter((p) => p !== undefined);
    return Promise.all(targets.map((p) => p.pollNow()));
  }

  /**
   * Someone looks at these rigs (a window shows them): poll them at the quick pace until
   * `forMs` from now. Watching again extends it; rigs not named keep their own lease.
   */
  watch(rigIds: readonly string[], forMs: number): void {
    const untilMs = Date.now() + forMs;
    for (const id of rigIds) {
      if ((this.#watchedUntil.get(id) ?? 0) < untilMs) this.#watchedUntil.set(id, untilMs);
      this.#pollers.get(id)?.hurry();
    }
  }

  /**
   * A command was sent to the rig: read its status at once (the window shows the command's
   * effect within one read of the rig's answer) and keep it on the quick pace for a while.
   * `effect`: the command started (or stopped) recording on one camera (no serial: all), which
   * `recordingCameras` assumes until a read that began after it says how the rig is.
   */
  commandSent(rigId: string, effect?: RecordingEffect): void {
    const poller = this.#pollers.get(rigId);
    if (!poller) return;
    this.#commandedUntil.set(rigId, Date.now() + (this.options.quickAfterCommandMs ?? 10_000));
    if (effect) this.#assumed.set(rigId, [...(this.#assumed.get(rigId) ?? []), { ...effect, sinceMs: performance.now() }]);
    void poller.pollNow();
  }

  /**
   * The rig's cameras and whether each records, as the app knows it now: the last poll with the
   * starts and stops sent since. Undefined while that is not known (away, or not confirmed).
   */
  recordingCameras(rigId: string): { serial: string; recording: boolean }[] | undefined {
    const status = this.get(rigId);
    if (!status || status.stale || status.state !== 'online') return undefined;
    const assumed = this.#assumed.get(rigId) ?? [];
    return status.cameras.map((c) => {
      const last = assumed.findLast((a) => a.serial === undefined || a.serial === c.serial);
      return { serial: c.serial, recording: last ? last.recording : c.state === 'recording' || c.state === 'pending' };
    });
  }

  /** Quick pace: the rig records, copies or exports, someone looks at it, it just received a command, or the caller says so. */
  #quick(poller: RigPoller): boolean {
    const now = Date.now();
    if ((this.#watchedUntil.get(poller.rigId) ?? 0) > now || (this.#commandedUntil.get(poller.rigId) ?? 0) > now) return true;
    if (this.options.alsoQuick?.(poller.rigId)) return true;
    return poller.status.cameras.some((c) => c.state !== 'idle' || c.copying || c.exporting || c.playbackStatus !== null);
  }

  /** Called with a rig's status each time it changes (not for every poll). */
  onStatus(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #sync(rigs: { id: string; name: string }[]): void {
    if (!this.#started) return;
    const ids = new Set(rigs.map((r) => r.id));
    for (const [id, poller] of this.#pollers) {
      if (ids.has(id)) continue;
      poller.stop();
      this.#pollers.delete(id);
      this.#signatures.delete(id);
      this.#watchedUntil.delete(id);
      this.#commandedUntil.delete(id);
      this.#assumed.delete(id);
    }
    for (const rig of rigs) {
      const existing = this.#pollers.get(rig.id);
      if (existing) {
        if (existing.status.rigName !== rig.name) {
          const previous = existing.status;
          existing.rename(rig.name);
          this.#publish(existing.status, previous);
        }
        continue;
      }
      const restored = this.#restored.get(rig.id);
      const initial = restored ? { ...restored, rigName: rig.name } : emptyStatus(rig.id, rig.name);
      const poller = new RigPoller(rig.id, initial, this.options.clientFor, this.#timing, (p, next, startedAt) => this.#polled(p, next, startedAt), (p) => this.#quick(p));
      this.#pollers.set(rig.id, poller);
      this.#signatures.set(rig.id, signature(initial));
      poller.start();
    }
    this.#persist();
  }

  #polled(poller: RigPoller, next: RigStatus, startedAt: number): void {
    const assumed = this.#assumed.get(poller.rigId);
    if (assumed && next.state === 'online' && !next.stale) {
      const unconfirmed = assumed.filter((a) => a.sinceMs > startedAt);
      if (unconfirmed.length > 0) this.#assumed.set(poller.rigId, unconfirmed);
      else this.#assumed.delete(poller.rigId);
    }
    const previous = poller.status;
    poller.status = next;
    this.#publish(next, previous);
    this.#persist();
  }

  #publish(status: RigStatus, previous: RigStatus): void {
    const sig = signature(status);
    if (this.#signatures.get(status.rigId) === sig) return;
    this.#signatures.set(status.rigId, sig);
    for (const listener of this.#listeners) {
      try {
        listener(status, previous);
      } catch {
        // A failing listener must not stop the monitor or the other listeners.
      }
    }
  }

  #persist(): void {
    this.#cache?.save([...this.#pollers.values()].map((p) => p.status));
  }
}

/** What counts as a change: everything but times that move on every poll. */
function signature(s: RigStatus): string {
  return JSON.stringify({
    ...s,
    lastSeenAtMs: s.state === 'online' ? null : s.lastSeenAtMs,
    checkedAtMs: null,
    retryDelayMs: null,
    cameras: s.cameras.map((c) =>
      c.recording ? { ...c, recording: { ...c.recording, elapsedSeconds: null, remainingSeconds: null } } : c,
    ),
  });
}
