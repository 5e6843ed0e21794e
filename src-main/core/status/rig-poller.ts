/** One rig's poll loop: never two polls at once, backoff while unreachable, camera list and clock read less often. */
import type { CameraStatusView, RigConnectionState, RigStatus } from '../../contract/requests/status';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import { callPhrase } from '../motif-api/call-words';
import { QUEUE_TIMEOUT } from '../motif-api/failure-mapping';
import { isRigCallError } from '../motif-api/rig-call-error';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import { readCameraList, readCameraStatus, readClockOffsetMs, readVersion, type CameraListing } from './status-read';

export type ClientFor = (rigId: string) => Promise<RigEndpoints>;

export interface PollTiming {
  /** Between polls of a rig that records, that someone looks at, or that just received a command. */
  intervalMs: number;
  /** Between polls of an idle rig nobody looks at. */
  idleIntervalMs: number;
  /** Camera list, version and clock: re-read this often while nothing changes. */
  slowIntervalMs: number;
  /** Response timeout of each poll request, while the rig answers within it. */
  requestTimeoutMs: number;
  /**
   * A rig that accepted the request but did not answer in time is asked again with twice the
   * timeout, up to this; only when it does not answer within this either is it offline.
   */
  maxRequestTimeoutMs: number;
  backoff: BackoffOptions;
}

// Connector refusals, before any call: nothing stored for the rig yet.
const CONNECTOR_STATES: Record<string, RigConnectionState> = {
  'key-rejected': 'no-key',
  'tls-untrusted': 'not-trusted',
  'keychain-unavailable': 'keychain-unavailable',
};
const CALL_STATES: Record<string, RigConnectionState> = {
  'rig-unreachable': 'offline',
  'rig-timeout': 'offline',
  'key-rejected': 'key-rejected',
  'tls-untrusted': 'untrusted',
  'tls-fingerprint-changed': 'untrusted',
};

/** An idle rig's next poll comes this much before its connection would be closed. */
const POLL_BEFORE_CLOSE_MS = 500;

/** Causes that say the rig took the request (or our other requests) but has not answered yet: slow, not gone. */
const NO_ANSWER_YET = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', QUEUE_TIMEOUT]);

class ConnectorRefusal extends Error {
  constructor(cause: unknown) {
    super('connector refused', { cause });
  }
}

export function emptyStatus(rigId: string, rigName: string): RigStatus {
  return {
    rigId,
    rigName,
    state: 'unknown',
    stale: true,
    problem: null,
    lastSeenAtMs: null,
    checkedAtMs: null,
    retryDelayMs: null,
    version: null,
    clockOffsetMs: null,
    cameras: [],
  };
}

export class RigPoller {
  status: RigStatus;
  #cameras: CameraListing[] | null = null;
  #slowReadAtMs = 0;
  #failures = 0;
  /** When the current outage began (the first failed poll after an answer); null while the rig answers. */
  #failingSinceMs: number | null = null;
  /** This rig's current poll timeout: grows while it is slow, back to the base once it answers quickly. */
  #timeoutMs: number;
  /** The slowest answer of the poll under way. */
  #slowest = { ms: 0, endpoint: '' };
  #timer: NodeJS.Timeout | null = null;
  /** How long the client keeps an idle connection to this rig (null: unknown), as of the last poll. */
  #idleConnectionMs: number | null = null;
  /** When the current or last poll began, and when the next one is due (while a timer waits). */
  #lastStartMs = 0;
  #nextAtMs = 0;
  #polling = false;
  #rerun = false;
  #stopped = false;
  #waitingForNext: Array<(s: RigStatus) => void> = [];

  constructor(
    readonly rigId: string,
    initial: RigStatus,
    private readonly clientFor: ClientFor,
    private readonly timing: PollTiming,
    /** `startedAt`: when the poll began (performance.now()), so a caller can tell what it has seen. */
    private readonly onPolled: (poller: RigPoller, next: RigStatus, startedAt: number) => void,
    /** Whether this rig is polled at the quick pace now (see PollTiming). */
    private readonly quick: (poller: RigPoller) => boolean = () => true,
  ) {
    this.status = initial;
    this.#timeoutMs = timing.requestTimeoutMs;
  }

  start(): void {
    this.#schedule(0);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const resolve of this.#waitingForNext.splice(0)) resolve(this.status);
  }

  rename(name: string): void {
    this.status = { ...this.status, rigName: name };
  }

  /** Poll as soon as possible, starting the backoff over; resolves with the status that poll produced. */
  pollNow(): Promise<RigStatus> {
    if (this.#stopped) return Promise.resolve(this.status);
    this.#failures = 0;
    const done = new Promise<RigStatus>((resolve) => this.#waitingForNext.push(resolve));
    if (this.#polling) this.#rerun = true;
    else this.#schedule(0);
    return done;
  }

  /**
   * The rig became worth watching closely (someone looks at it, a command went to it): an idle
   * rig's next poll comes at the quick pace from its last one, not at the idle pace.
   */
  hurry(): void {
    if (this.#stopped || this.#polling || !this.#timer || this.status.state !== 'online') return;
    const dueMs = this.#lastStartMs + this.timing.intervalMs;
    if (dueMs < this.#nextAtMs) this.#schedule(Math.max(0, dueMs - Date.now()));
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#nextAtMs = Date.now() + delayMs;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#run();
    }, delayMs);
  }

  async #run(): Promise<void> {
    if (this.#polling || this.#stopped) return;
    this.#polling = true;
    const waiters = this.#waitingForNext.splice(0);
    const startedAtMs = Date.now();
    const startedAt = performance.now();
    this.#lastStartMs = startedAtMs;
    let next: RigStatus;
    let again = false;
    try {
      next = this.#answered(await this.#pollOnce(startedAtMs));
      this.#failures = 0;
      this.#failingSinceMs = null;
    } catch (e) {
      this.#cameras = null; // read the list again once the rig answers
      if (this.#noAnswerYet(e) && this.#timeoutMs < this.timing.maxRequestTimeoutMs) {
        // Latency is not absence: ask again at once, waiting longer this time.
        const waited = this.#timeoutMs;
        this.#timeoutMs = Math.min(this.#timeoutMs * 2, this.timing.maxRequestTimeoutMs);
        next = this.#slowStatus(waited, Date.now());
        again = true;
      } else {
        this.#failures += 1;
        next = this.#failedStatus(e, Date.now());
      }
    }
    this.#polling = false;
    if (this.#stopped) {
      for (const resolve of waiters) resolve(this.status);
      return;
    }
    this.onPolled(this, next, startedAt);
    for (const resolve of waiters) resolve(this.status);
    if (this.#rerun || again) {
      this.#rerun = false;
      this.#schedule(0);
    } else if (next.state === 'online') {
      const intervalMs = this.quick(this) ? this.timing.intervalMs : this.#idleIntervalMs();
      this.#schedule(Math.max(0, intervalMs - (Date.now() - startedAtMs)));
    } else {
      this.#schedule(next.retryDelayMs ?? this.timing.intervalMs);
    }
  }

  /**
   * The idle pace, or a little sooner when the connection would be closed by then: reads on a
   * kept connection cost a fraction of a new TLS connection, so reading slightly more often
   * costs less CPU than reading at the idle pace through a fresh handshake each time.
   */
  #idleIntervalMs(): number {
    const { intervalMs, idleIntervalMs } = this.timing;
    if (this.#idleConnectionMs === null) return idleIntervalMs;
    return Math.min(idleIntervalMs, Math.max(intervalMs, this.#idleConnectionMs - POLL_BEFORE_CLOSE_MS));
  }

  async #pollOnce(nowMs: number): Promise<RigStatus> {
    let client: RigEndpoints;
    try {
      client = await this.clientFor(this.rigId);
    } catch (e) {
      throw new ConnectorRefusal(e);
    }
    const options = { timeoutMs: this.#timeoutMs };
    this.#slowest = { ms: 0, endpoint: '' };
    const timed = <T>(endpoint: string, p: Promise<T>): Promise<T> => {
      const sentAt = performance.now();
      return p.then((v) => {
        const ms = performance.now() - sentAt;
        if (ms > this.#slowest.ms) this.#slowest = { ms, endpoint };
        return v;
      });
    };
    const previous = this.status;
    // A rig's version changes only with a restart, which shows as a gap in its answers.
    const reconnected = previous.state !== 'online';
    const slowDue = this.#cameras === null || reconnected || nowMs - this.#slowReadAtMs >= this.timing.slowIntervalMs;
    let version = previous.version;
    let clockOffsetMs = previous.clockOffsetMs;
    // At the quick pace, requests at once (the freshest picture); at the idle pace one after
    // another on one kept-alive connection, instead of a connection (and a TLS handshake, once
    // it has been closed between polls) per request.
    const quick = this.quick(this);
    const all = async <T>(reads: (() => Promise<T>)[]): Promise<T[]> => {
      if (quick) return Promise.all(reads.map((read) => read()));
      const results: T[] = [];
      for (const read of reads) results.push(await read());
      return results;
    };
    if (slowDue) {
      const readCameras = () => timed('cameras', client.invoke('cameras', {}, undefined, options));
      const readVersionNow = () => (reconnected || version === null ? timed('version', client.invoke('version', {}, undefined, options)) : null);
      const readSchedule = () => {
        const sentAtMs = Date.now();
        return timed('schedule', client.invoke('schedule', {}, undefined, options)).then((s) => ({ s, sentAtMs, receivedAtMs: Date.now() }));
      };
      const [cameras, versionResult, schedule] = quick
        ? await Promise.all([readCameras(), readVersionNow(), readSchedule()])
        : [await readCameras(), await readVersionNow(), await readSchedule()];
      this.#cameras = readCameraList(cameras);
      if (versionResult) version = readVersion(versionResult);
      const measured = readClockOffsetMs(schedule.s, schedule.sentAtMs, schedule.receivedAtMs);
      // Small wobble is network delay, not the rig's clock: keep the shown value steady.
      clockOffsetMs = measured !== null && clockOffsetMs !== null && Math.abs(measured - clockOffsetMs) < 500 ? clockOffsetMs : measured;
      this.#slowReadAtMs = nowMs;
    }
    const listing = this.#cameras ?? [];
    const cameras = await all(listing.map((camera) => () => timed(`camera/${camera.serial}`, this.#readCamera(client, camera, options))));
    const checkedAtMs = Date.now();
    this.#idleConnectionMs = client.idleConnectionMs();
    const certificateExpiredAt = client.certificateExpiredAt();
    return {
      rigId: this.rigId,
      rigName: previous.rigName,
      state: 'online',
      stale: false,
      problem: null,
      lastSeenAtMs: checkedAtMs,
      checkedAtMs,
      retryDelayMs: null,
      version,
      clockOffsetMs,
      ...(certificateExpiredAt === null ? {} : { certificateExpiredAt }),
      cameras,
    };
  }

  async #readCamera(client: RigEndpoints, camera: CameraListing, options: { timeoutMs: number }): Promise<CameraStatusView> {
    try {
      return readCameraStatus(camera, await client.invoke('camera.status', { serial: camera.serial }, undefined, options), Date.now());
    } catch (e) {
      // The rig answered but not for this camera (gone, restarting): show it, read the list again.
      if (!isRigCallError(e) || (e.code !== 'rig-error' && e.code !== 'rig-bad-response')) throw e;
      this.#cameras = null;
      const known = this.status.cameras.find((c) => c.serial === camera.serial);
      return {
        ...(known ?? unknownCamera(camera)),
        error: e.message,
      };
    }
  }

  /** An answered poll: online, with a note when the rig took long; the timeout back to normal once it is quick. */
  #answered(next: RigStatus): RigStatus {
    const { ms, endpoint } = this.#slowest;
    const base = this.timing.requestTimeoutMs;
    if (ms < base / 2) this.#timeoutMs = base;
    if (ms < base / 2) return next;
    return {
      ...next,
      problem: {
        code: 'rig-slow',
        message: `The rig answers slowly (${seconds(ms)} to ${callPhrase(endpoint)}); commands to it may take as long.`,
      },
    };
  }

  /** A rig that took the request but has not answered yet: as it was, stale, with a note; not offline. */
  #slowStatus(waitedMs: number, checkedAtMs: number): RigStatus {
    return {
      ...this.status,
      stale: true,
      problem: {
        code: 'rig-slow',
        message: `The rig did not answer within ${seconds(waitedMs)}; asking again, waiting up to ${seconds(this.#timeoutMs)}.`,
      },
      checkedAtMs,
      retryDelayMs: null,
    };
  }

  #noAnswerYet(e: unknown): boolean {
    return isRigCallError(e) && e.code === 'rig-timeout' && NO_ANSWER_YET.has(e.details.causeCode ?? '');
  }

  #failedStatus(e: unknown, checkedAtMs: number): RigStatus {
    const refusal = e instanceof ConnectorRefusal;
    const cause = refusal ? e.cause : e;
    const code = errorCode(cause);
    const state = (refusal ? CONNECTOR_STATES[code] : CALL_STATES[code]) ?? 'rig-error';
    this.#failingSinceMs ??= checkedAtMs;
    const retryDelayMs = backoffDelayMs(this.#failures, this.timing.backoff, Math.random, checkedAtMs - this.#failingSinceMs);
    return {
      ...this.status,
      state,
      stale: true,
      problem: { code, message: errorMessage(cause) },
      checkedAtMs,
      retryDelayMs,
    };
  }
}

function unknownCamera(camera: CameraListing): CameraStatusView {
  return {
    serial: camera.serial,
    name: camera.name,
    connected: null,
    state: 'unknown',
    recording: null,
    playbackStatus: null,
    playbackProgress: null,
    copying: false,
    exporting: false,
    timeZone: null,
    diskUsedPercent: null,
    outputs: {},
    error: null,
  };
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
