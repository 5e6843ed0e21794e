import type { Client } from 'undici';

/** One keep-alive connection to the rig, carrying one request at a time. */
export interface Lane {
  /** Opened on first use, and anew after a request on it was given up. */
  client: Client | undefined;
  busy: boolean;
}

interface Waiter {
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
 * when a connection is free for it: undici never queues, a call waiting for a connection
 * can be given up (its deadline, the caller's signal), and a connection a request was given
 * up on is closed and opened anew instead of being left to hold the queue.
 */
export class ConnectionLanes {
  readonly #lanes: Lane[];
  readonly #waiting: Waiter[] = [];
  readonly #open: () => Client;
  #closed = false;

  constructor(count: number, open: () => Client) {
    this.#open = open;
    this.#lanes = Array.from({ length: Math.max(1, count) }, () => ({ client: undefined, busy: false }));
  }

  /** A free connection, waiting at most `waitMs`; rejects with QueueTimeoutError or the signal's reason. */
  acquire(waitMs: number, signal?: AbortSignal): Promise<Lane> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.#closed) return Promise.reject(Object.assign(new Error('The client is closed.'), { code: 'UND_ERR_DESTROYED' }));
    const free = this.#free();
    if (free) return Promise.resolve(this.#take(free));
    return new Promise<Lane>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.#waiting.indexOf(waiter);
        if (i >= 0) this.#waiting.splice(i, 1);
      };
      const waiter: Waiter = {
        grant: (lane) => {
          done();
          resolve(this.#take(lane));
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const onAbort = () => {
        done();
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        done();
        reject(new QueueTimeoutError(waitMs));
      }, waitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  /** Give the connection back; `abandoned`: a request on it was given up, so it is closed and opened anew. */
  release(lane: Lane, abandoned: boolean): void {
    if (abandoned && lane.client) {
      const client = lane.client;
      lane.client = undefined;
      void client.destroy().catch(() => {});
    }
    lane.busy = false;
    if (this.#closed) return;
    const next = this.#waiting[0];
    if (next) next.grant(lane);
  }

  /** Let calls in flight finish, then close every connection. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#lanes.map((l) => l.client?.close()));
  }

  /** Close every connection now, failing calls in flight and waiting. */
  async destroy(): Promise<void> {
    this.#closed = true;
    for (const w of [...this.#waiting]) w.fail(Object.assign(new Error('The client was closed.'), { code: 'UND_ERR_DESTROYED' }));
    await Promise.all(this.#lanes.map((l) => l.client?.destroy()));
  }

  #free(): Lane | undefined {
    return this.#lanes.find((l) => !l.busy);
  }

  #take(lane: Lane): Lane {
    lane.busy = true;
    lane.client ??= this.#open();
    return lane;
  }
}
