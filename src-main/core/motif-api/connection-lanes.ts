import type { Client } from 'undici';

/** Reads (GET) or commands (anything else): commands go first and have connections of their own. */
export type LaneKind = 'read' | 'command';

/** One keep-alive connection to the rig, carrying one request at a time. */
export interface Lane {
  readonly forCommands: boolean;
  /** Opened on first use, and anew after a request on it was given up. */
  client: Client | undefined;
  /** The TCP + TLS connection is up: a request handed to it is sent at once. */
  connected: boolean;
  busy: boolean;
}

interface Waiter {
  kind: LaneKind;
  grant: (lane: Lane) => void;
  fail: (error: Error) => void;
}

/** Thrown when no connection came free in time: nothing was sent. */
export class QueueTimeoutError extends Error {
  override readonly name = 'QueueTimeoutError';
  readonly code = 'MOTIF_QUEUE_TIMEOUT';
  constructor(readonly waitedMs: number) {
    super(`no connection came free within ${waitedMs} ms`);
  }
}

/**
 * The client's own queue in front of its connections, so a request is handed to undici only
 * when a connection is free for it: undici never queues, a call waiting for a connection can
 * be given up (its deadline, the caller's signal), and a connection a request was given up on
 * is closed and opened anew instead of being left to hold the queue.
 *
 * Commands never wait behind reads: they have connections reads may not take, they may take a
 * free read connection too, and when one comes free a waiting command gets it before any read.
 */
export class ConnectionLanes {
  readonly #lanes: Lane[];
  readonly #waiting: Waiter[] = [];
  readonly #open: () => Client;
  #closed = false;
  #idle: (() => void) | undefined;
  #whenIdle: Promise<void> | undefined;

  constructor(counts: { reads: number; commands: number }, open: () => Client) {
    this.#open = open;
    const lane = (forCommands: boolean): Lane => ({ forCommands, client: undefined, connected: false, busy: false });
    this.#lanes = [
      ...Array.from({ length: Math.max(1, counts.reads) }, () => lane(false)),
      ...Array.from({ length: Math.max(0, counts.commands) }, () => lane(true)),
    ];
  }

  /** A free connection for `kind`, waiting at most `waitMs`; rejects with QueueTimeoutError or the signal's reason. */
  acquire(kind: LaneKind, waitMs: number, signal?: AbortSignal): Promise<Lane> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.#closed) return Promise.reject(destroyed());
    const free = this.#freeFor(kind);
    if (free) return Promise.resolve(this.#take(free));
    return new Promise<Lane>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.#waiting.indexOf(waiter);
        if (i >= 0) this.#waiting.splice(i, 1);
      };
      const waiter: Waiter = {
        kind,
        grant: (lane) => {
          done();
          resolve(this.#take(lane));
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const onAbort = () => waiter.fail(signal?.reason as Error);
      const timer = setTimeout(() => waiter.fail(new QueueTimeoutError(waitMs)), waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  /** Give the connection back; `abandoned`: a request on it was given up, so it is closed and opened anew. */
  release(lane: Lane, abandoned: boolean): void {
    if (abandoned && lane.client) {
      const client = lane.client;
      lane.client = undefined;
      lane.connected = false;
      void client.destroy().catch(() => {});
    }
    lane.busy = false;
    // Commands first, each kind in the order it came.
    const next = this.#waiting.find((w) => w.kind === 'command') ?? (lane.forCommands ? undefined : this.#waiting[0]);
    next?.grant(lane);
    if (this.#idle && this.#waiting.length === 0 && this.#lanes.every((l) => !l.busy)) this.#idle();
  }

  /** Take no new calls; let those in flight and waiting finish, then close every connection. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#waiting.length > 0 || this.#lanes.some((l) => l.busy)) {
      this.#whenIdle ??= new Promise<void>((resolve) => (this.#idle = resolve));
      await this.#whenIdle;
    }
    await Promise.all(this.#lanes.map((l) => l.client?.close()));
  }

  /** Close every connection now, failing calls in flight and waiting. */
  async destroy(): Promise<void> {
    this.#closed = true;
    for (const w of [...this.#waiting]) w.fail(destroyed());
    await Promise.all(this.#lanes.map((l) => l.client?.destroy()));
  }

  #freeFor(kind: LaneKind): Lane | undefined {
    const free = this.#lanes.filter((l) => !l.busy && (kind === 'command' || !l.forCommands));
    const own = (l: Lane) => l.forCommands === (kind === 'command');
    // A connection that is up first (a command then goes out at once, without a TLS handshake),
    // its own kind before the other, keeping read connections for reads where it can.
    return free.find((l) => l.connected && own(l)) ?? free.find((l) => l.connected) ?? free.find(own) ?? free[0];
  }

  #take(lane: Lane): Lane {
    lane.busy = true;
    if (!lane.client) {
      const client = this.#open();
      lane.client = client;
      // Events of a connection already replaced are ignored.
      client.on('connect', () => {
        if (lane.client === client) lane.connected = true;
      });
      client.on('disconnect', () => {
        if (lane.client === client) lane.connected = false;
      });
      client.on('connectionError', () => {
        if (lane.client === client) lane.connected = false;
      });
    }
    return lane;
  }
}

function destroyed(): Error {
  return Object.assign(new Error('The client is closed.'), { code: 'UND_ERR_DESTROYED' });
}
