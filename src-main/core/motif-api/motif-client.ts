import { Client } from 'undici';
import { ConnectionLanes } from './connection-lanes';
import { checkBodySize } from './body-limit';
import { checkedEndpoint, methodFor, urlPathFor } from './operation-paths';
import type { HttpMethod } from './operation-table';
import {
  badSuccessBody,
  classifyHttpFailure,
  classifyTransportFailure,
  isConnectionDropped,
  type CallContext,
} from './failure-mapping';
import { RigEndpoints, type CallOptions } from './rig-endpoints';
import { buildTrustingConnector, type RigTrust } from './tls-trust';
import { parseWire, stringifyWire, type WireValue } from '../python-json';

export const DEFAULT_TIMEOUT_MS = 10_000; // the vendor client's
export const DEFAULT_PORT = 6083;
/** How long an idle connection is kept when the rig does not say how long it keeps one (undici's default). */
const KEEP_ALIVE_UNSAID_MS = 4000;
/** Closed this long before the rig's own idle limit, so a request never meets a connection the rig is closing. */
const KEEP_ALIVE_MARGIN_MS = 1000;

export interface MotifClientOptions {
  host: string;
  port?: number;
  apiKey: string;
  trust: RigTrust;
  /** TCP + TLS handshake. */
  connectTimeoutMs?: number;
  /** From sending a request to the end of its answer; per call with `CallOptions.timeoutMs`. */
  responseTimeoutMs?: number;
  /** Longest wait for a free connection before a request is sent (default: the response timeout); per call with `CallOptions.timeoutMs`. */
  queueTimeoutMs?: number;
  /** Keep-alive connections for reads (GET) to this rig. */
  connections?: number;
  /** Keep-alive connections only commands use, so a command never waits behind reads. */
  commandConnections?: number;
}

/**
 * One rig over HTTPS: keep-alive connections behind the client's own queue, the vendor
 * client's wire format, and failures as `RigCallError`s with contract codes. Reads (GET)
 * are retried once when a connection drops; commands never are, so a recording is never
 * started twice. A call's deadline covers its wait for a connection as well as the answer.
 */
export class MotifClient extends RigEndpoints {
  readonly host: string;
  readonly port: number;
  readonly connectTimeoutMs: number;
  readonly responseTimeoutMs: number;
  readonly queueTimeoutMs: number;
  readonly #apiKey: string;
  /** The end of the pinned certificate's validity, as last seen on a connection. */
  #certificateValidTo: Date | undefined;
  /** How long the rig keeps an idle connection, from its last `Keep-Alive: timeout=N` (undefined: not said). */
  #rigKeepAliveMs: number | undefined;
  readonly #lanes: ConnectionLanes;

  constructor(options: MotifClientOptions) {
    super();
    if (!options.apiKey) throw new RangeError('An API key is needed to talk to a rig.');
    this.host = options.host;
    this.port = options.port ?? DEFAULT_PORT;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.queueTimeoutMs = options.queueTimeoutMs ?? this.responseTimeoutMs;
    this.#apiKey = options.apiKey;
    const connect = buildTrustingConnector(options.trust, this.connectTimeoutMs, (validTo) => (this.#certificateValidTo = validTo));
    // One undici Client per connection, each handed one request at a time by the lanes.
    this.#lanes = new ConnectionLanes(
      { reads: options.connections ?? 4, commands: options.commandConnections ?? 2 },
      () => new Client(this.origin, { pipelining: 1, connect, keepAliveTimeout: KEEP_ALIVE_UNSAID_MS, keepAliveTimeoutThreshold: KEEP_ALIVE_MARGIN_MS }),
    );
  }

  get origin(): string {
    const host = this.host.includes(':') && !this.host.startsWith('[') ? `[${this.host}]` : this.host;
    return `https://${host}:${this.port}`;
  }

  /** "host:port", as messages name the rig. */
  get rigLabel(): string {
    return `${this.host}:${this.port}`;
  }

  override certificateExpiredAt(): string | null {
    const validTo = this.#certificateValidTo;
    return validTo !== undefined && validTo.getTime() < Date.now() ? validTo.toISOString() : null;
  }

  /**
   * What undici does with the rig's keep-alive: keeps an idle connection for the rig's own limit
   * less the margin, or its default when the rig says nothing. A poll within this reuses the
   * connection instead of paying a new TLS handshake (a few times a read's CPU).
   */
  override idleConnectionMs(): number {
    return this.#rigKeepAliveMs === undefined ? KEEP_ALIVE_UNSAID_MS : this.#rigKeepAliveMs - KEEP_ALIVE_MARGIN_MS;
  }

  async call(path: string, args?: object, options: CallOptions = {}): Promise<WireValue> {
    // Throws PathSegmentError (invalid-args) for a segment Motif could not route: never sent.
    const endpoint = checkedEndpoint(path);
    const method = methodFor(endpoint);
    const ctx: CallContext = {
      rig: this.rigLabel,
      endpoint,
      method,
      args: argsRecord(args),
      // A per-call timeout bounds each step: the wait for a connection, connecting, the answer.
      connectTimeoutMs: Math.min(this.connectTimeoutMs, options.timeoutMs ?? Infinity),
      responseTimeoutMs: options.timeoutMs ?? this.responseTimeoutMs,
      queueTimeoutMs: options.timeoutMs ?? this.queueTimeoutMs,
      // A rig's error text could echo the key it rejected; never pass that on.
      scrub: (text) => text.split(this.#apiKey).join('***'),
    };
    // Like the vendor's `kwargs or None`: no arguments, no body.
    const body = args && Object.keys(args).length > 0 ? stringifyWire(args) : undefined;
    checkBodySize(endpoint, body, ctx.args);
    try {
      return await this.#send(method, urlPathFor(endpoint), body, ctx, options.signal);
    } catch (e) {
      // Cancelled by the caller: not a rig failure, so no code and no retry.
      if (options.signal?.aborted) throw e;
      if (method === 'GET' && isConnectionDropped(e)) {
        // A keep-alive connection the rig closed, or a reset: reading again is harmless.
        return this.#send(method, urlPathFor(endpoint), body, ctx, options.signal).catch((e2: unknown) => {
          throw classifyTransportFailure(e2, ctx);
        });
      }
      throw classifyTransportFailure(e, ctx);
    }
  }

  async #send(
    method: HttpMethod,
    urlPath: string,
    body: string | undefined,
    ctx: CallContext,
    callerSignal: AbortSignal | undefined,
  ): Promise<WireValue> {
    // Waiting for a connection has its own bound; nothing is sent until one is free.
    const lane = await this.#lanes.acquire(method === 'GET' ? 'read' : 'command', ctx.queueTimeoutMs ?? ctx.responseTimeoutMs, callerSignal);
    const client = lane.client!;
    // The answer's deadline starts once the request goes out: at once on a live connection,
    // else when the connection is made (which has the connect bound). undici's own timers tick
    // coarsely (about a second); these are exact. Plain timers, cleared on return:
    // AbortSignal.timeout costs ~25 us and lingers for its full span.
    const deadline = new AbortController();
    let connecting = !lane.connected;
    const expire = () => deadline.abort(connecting ? connectTimeout() : responseTimeout());
    let timer = setTimeout(expire, connecting ? ctx.connectTimeoutMs : ctx.responseTimeoutMs);
    const onConnect = () => {
      if (!connecting) return;
      connecting = false;
      clearTimeout(timer);
      timer = setTimeout(expire, ctx.responseTimeoutMs);
    };
    if (connecting) client.once('connect', onConnect);
    const onCallerAbort = () => deadline.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    if (callerSignal?.aborted) onCallerAbort();
    try {
      return await untilAborted(this.#exchange(client, method, urlPath, body, ctx, deadline.signal), deadline.signal);
    } catch (e) {
      throw deadline.signal.aborted && !callerSignal?.aborted ? (deadline.signal.reason as Error) : e;
    } finally {
      clearTimeout(timer);
      client.off('connect', onConnect);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      // Given up on mid-request: the answer may still come on that connection, so it is closed.
      this.#lanes.release(lane, deadline.signal.aborted);
    }
  }

  async #exchange(
    client: Client,
    method: HttpMethod,
    urlPath: string,
    body: string | undefined,
    ctx: CallContext,
    signal: AbortSignal,
  ): Promise<WireValue> {
    const response = await client.request({
      path: urlPath,
      method,
      headers: { 'X-Api-Key': this.#apiKey, 'Content-Type': 'application/json' },
      body,
      // A backstop only: the exact deadline is #send's.
      headersTimeout: ctx.responseTimeoutMs + 1000,
      bodyTimeout: ctx.responseTimeoutMs + 1000,
      signal,
    });
    const text = await response.body.text();
    this.#rigKeepAliveMs = keepAliveMs(response.headers['keep-alive']);
    if (response.statusCode >= 400) throw classifyHttpFailure(response.statusCode, text, ctx);
    if (text.trim() === '') return {};
    try {
      return parseWire(text);
    } catch {
      throw badSuccessBody(response.statusCode, ctx);
    }
  }

  /** Let open calls finish, then close the connections. */
  async close(): Promise<void> {
    await this.#lanes.close();
  }

  /** Close now, failing open calls. */
  async destroy(): Promise<void> {
    await this.#lanes.destroy();
  }
}

/** `Keep-Alive: timeout=5, max=100` -> 5000 (as undici reads it); undefined when absent or unreadable. */
function keepAliveMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const seconds = value === undefined ? NaN : Number(/timeout=(\d+)/.exec(value)?.[1]);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** The arguments as a record of their fields, for the words of an error. */
function argsRecord(args: object | undefined): Record<string, unknown> | undefined {
  return args === undefined ? undefined : Object.fromEntries(Object.entries(args));
}

/**
 * `work`, or the signal's reason as soon as it is aborted: undici notices an abort only once
 * a request has its connection, and this call must not wait that long.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {}); // settles after the caller has moved on; nobody else listens
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}

/** The answer's deadline passed: reported like undici's own response timeout. */
function responseTimeout(): Error {
  return Object.assign(new Error('response timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
}

/** The connection was not made in time: reported like undici's own connect timeout. */
function connectTimeout(): Error {
  return Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' });
}
