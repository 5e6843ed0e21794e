import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type RawData, type ServerOptions, type WebSocket } from 'ws';
import type { CallFrame, EventFrame, ReplyFrame } from '../../contract/bridge';
import { fail, type Result } from '../../contract/errors';
import type { AppCore } from '../app-core';
import type { Logger } from '../logger';
import { refuseUpgrade, type AccessPolicy } from './access-check';
import { connectionScope, type ConnectionScope } from '../connection-scope';
import { decodeFrame, encodeAnyFrame } from '../../../src-shared/frame-codec';
import { fullCollection } from './full-collection';

/** What one page (one WebSocket) may ask of the core at once. */
export interface WsLimits {
  /** Requests of one connection run at once; more wait their turn. */
  inFlight: number;
  /**
   * Requests of one connection that may wait beyond those running; a request beyond is
   * answered 'busy' at once. From a quarter of this on, the connection is not read until
   * its queue drains, so a page that sends faster than it is answered is slowed, not refused.
   */
  queued: number;
  /** Bytes the waiting requests of one connection may hold; a request beyond is answered 'busy'. */
  queuedBytes: number;
  /** The largest request run; a larger one (up to `frameBytes`) is answered 'too large'. */
  requestBytes: number;
  /** The largest WebSocket message read at all; a larger one closes the connection (1009). */
  frameBytes: number;
  /**
   * Bytes of requests read and not yet answered, over all connections: a request beyond is
   * answered 'busy' at once (and its bytes let go), so many pages sending large requests at
   * once cannot take the process's memory between them. Requests still arriving count too:
   * beyond this, only one connection reads on until there is room again.
   */
  totalBytes: number;
  /** Pages connected at once; one more is refused at its upgrade (503, "busy" in words). */
  connections: number;
}

const MB = 1024 * 1024;

export const DEFAULT_WS_LIMITS: WsLimits = {
  inFlight: 16,
  queued: 4096,
  queuedBytes: 64 * MB,
  // A rig list of thousands of rigs with long notes fits; the page refuses nothing smaller.
  requestBytes: 16 * MB,
  frameBytes: 32 * MB,
  totalBytes: 128 * MB,
  // Each may have a frame of up to `frameBytes` on its way in: this bounds those too.
  connections: 32,
};

/** How long a connection closed for a protocol error may take to say goodbye before it is cut. */
const CLOSE_TIMEOUT_MS = 2000;
/** Requests read since the last full collection beyond which one is made, once nothing is in flight... */
const COLLECT_AFTER_BYTES = 64 * MB;
/** ...and nothing has arrived for this long. */
const COLLECT_IDLE_MS = 1000;

interface Connection {
  socket: WebSocket;
  /** The page's calls, and what they opened for it (released when the page goes). */
  scope: ConnectionScope;
  /** Requests read and not yet run, oldest first. */
  queue: { frame: CallFrame; bytes: number }[];
  queuedBytes: number;
  inFlight: number;
  /** Reading from the socket stopped until the queue drains (TCP pushes back on the page). */
  paused: boolean;
  /** Bytes read of the message still arriving. */
  receiving: number;
  /** Reading stopped until the process has room for the message still arriving. */
  held: boolean;
  /** Whether the socket is read now (neither paused nor held). */
  reading: boolean;
}

/**
 * The WebSocket side of browser mode: the same dispatch and events as Electron IPC.
 * Each connection runs at most `inFlight` requests at once; the connections with work
 * take turns, one request each, so a page sending thousands cannot starve another.
 * A protocol error closes only its own connection, with its close code.
 */
export class WsTransport {
  private readonly wss: WebSocketServer;
  private readonly limits: WsLimits;
  private readonly connections = new Set<Connection>();
  private pumpScheduled = false;
  /** Bytes of requests read and not yet answered, over all connections. */
  private bytesInFlight = 0;
  /** Bytes of messages still arriving, over all connections. */
  private bytesArriving = 0;
  /** Bytes of messages read since the last full collection (see fullCollection). */
  private bytesSinceCollection = 0;
  private readonly collectGarbage = fullCollection();
  private collectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: AppCore,
    private readonly policy: AccessPolicy,
    private readonly log: Logger,
    limits: Partial<WsLimits> = {},
  ) {
    this.limits = { ...DEFAULT_WS_LIMITS, ...limits };
    // closeTimeout is ws's (8.18 on); @types/ws does not know it yet.
    const options: ServerOptions & { closeTimeout: number } = { noServer: true, maxPayload: this.limits.frameBytes, closeTimeout: CLOSE_TIMEOUT_MS };
    this.wss = new WebSocketServer(options);
    this.wss.on('error', (e) => this.log.error('browser mode: WebSocket server error', e));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = refuseUpgrade(req, this.policy);
    if (refusal !== null) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nRefused: ${refusal}\r\n`);
      return;
    }
    if (this.connections.size >= this.limits.connections) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n' +
          `Busy: ${this.connections.size} windows are connected, the most Motif Control serves at once. Close one and reload this page.\r\n`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, socket));
  }

  /** `raw`: the connection's socket, whose bytes are counted as they arrive (those read with the upgrade, which ws puts back, among them). */
  private serve(socket: WebSocket, raw: Duplex): void {
    const conn: Connection = { socket, scope: connectionScope(this.core.dispatch), queue: [], queuedBytes: 0, inFlight: 0, paused: false, receiving: 0, held: false, reading: true };
    this.connections.add(conn);
    // Before ws reads the same bytes, so a message is counted in before it is counted out.
    raw.prependListener('data', (chunk: Buffer) => this.arrived(conn, chunk.length));
    const unsubscribe = this.core.events.subscribe((event, payload) => {
      const frame: EventFrame = { event, payload };
      this.send(conn, frame);
    });
    // ws closes the connection itself with the right code (1002, 1007, 1009); without a
    // listener, the same error would end the whole process.
    socket.on('error', (e) => this.log.info(`browser mode: closed a WebSocket connection (${e.message})`));
    socket.on('close', () => {
      unsubscribe();
      void conn.scope.close();
      this.connections.delete(conn);
      this.bytesArriving -= conn.receiving;
      conn.receiving = 0;
      this.release(conn.queuedBytes);
      conn.queue = [];
      conn.queuedBytes = 0;
      this.readOnIfRoom();
    });
    socket.on('message', (data) => this.receive(conn, data));
  }

  private receive(conn: Connection, data: RawData): void {
    const bytes = rawBytes(data);
    this.arrivedWhole(conn, bytes.length);
    this.bytesSinceCollection += bytes.length;
    try {
      this.accept(conn, bytes);
    } finally {
      this.readOnIfRoom();
    }
  }

  private accept(conn: Connection, bytes: Buffer): void {
    if (bytes.length > this.limits.requestBytes) {
      this.refuseTooLarge(conn, bytes);
      return;
    }
    const outstanding = conn.inFlight + conn.queue.length;
    const refusal =
      this.bytesInFlight + bytes.length > this.limits.totalBytes
        ? busyProcess(this.bytesInFlight, this.limits.totalBytes)
        : outstanding >= this.capacity || (conn.queue.length > 0 && conn.queuedBytes + bytes.length > this.limits.queuedBytes)
          ? busy(conn) // read already (a socket's data arrives in chunks of many frames): answered at once, not run
          : null;
    // A refused request written as the page writes it is answered by its id: its bytes never become a string.
    const refusedId = refusal ? leadingId(bytes) : null;
    if (refusal && refusedId !== null) {
      this.reply(conn, refusedId, refusal);
      return;
    }
    let frame: CallFrame;
    try {
      frame = parseCallFrame(decodeFrame(bytes.toString('utf8')));
    } catch {
      conn.socket.close(1003, 'Malformed frame');
      return;
    }
    if (refusal) {
      this.reply(conn, frame.id, refusal);
      return;
    }
    conn.queue.push({ frame, bytes: bytes.length });
    conn.queuedBytes += bytes.length;
    this.bytesInFlight += bytes.length;
    if (!conn.paused && (outstanding + 1 >= this.pauseAt || conn.queuedBytes >= this.limits.queuedBytes / 2)) {
      conn.paused = true;
      this.readOrNot(conn);
    }
    this.schedulePump();
  }

  /** Bytes of `conn` read off its socket (a message's, or several). Over the process's room, connections with a message on its way wait. */
  private arrived(conn: Connection, bytes: number): void {
    conn.receiving += bytes;
    this.bytesArriving += bytes;
    if (this.bytesArriving + this.bytesInFlight > this.limits.totalBytes) this.holdArriving();
  }

  /** A whole message of `bytes` read: no longer on its way (the frame's header counted with it; control frames are not, hence the floor). */
  private arrivedWhole(conn: Connection, bytes: number): void {
    const done = Math.min(conn.receiving, bytes + frameHeaderBytes(bytes));
    conn.receiving -= done;
    this.bytesArriving -= done;
  }

  /**
   * Stops reading every connection with a message on its way but the one furthest along,
   * which reads on: one message at a time still arrives (and is answered, run or 'busy'),
   * and the bytes held in this process stay near `totalBytes` whatever the pages send.
   */
  private holdArriving(): void {
    const leader = this.furthestAlong((c) => c.reading);
    for (const conn of this.connections) {
      if (conn === leader || conn.receiving === 0 || conn.held) continue;
      conn.held = true;
      this.readOrNot(conn);
    }
  }

  /** Reads on the held connections once half the room is free again; otherwise keeps one of them reading (if none is). */
  private readOnIfRoom(): void {
    const room = this.bytesArriving + this.bytesInFlight <= this.limits.totalBytes / 2;
    const someoneReads = [...this.connections].some((c) => c.receiving > 0 && c.reading);
    const next = room || someoneReads ? null : this.furthestAlong((c) => c.held);
    for (const conn of this.connections) {
      if (!conn.held || !(room || conn.receiving === 0 || conn === next)) continue;
      conn.held = false;
      this.readOrNot(conn);
    }
    this.collectWhenIdle();
  }

  /**
   * After a burst of large requests, once none is in flight or arriving for a moment, a full
   * collection hands their memory back: the core may have nothing else to do (see fullCollection).
   */
  private collectWhenIdle(): void {
    if (this.collectTimer) clearTimeout(this.collectTimer);
    this.collectTimer = null;
    if (!this.collectGarbage || this.bytesSinceCollection < COLLECT_AFTER_BYTES || this.bytesInFlight > 0 || this.bytesArriving > 0) return;
    this.collectTimer = setTimeout(() => {
      this.collectTimer = null;
      if (this.bytesInFlight > 0 || this.bytesArriving > 0) return; // busy again: asked again when it settles
      this.bytesSinceCollection = 0;
      this.collectGarbage?.();
    }, COLLECT_IDLE_MS);
    this.collectTimer.unref();
  }

  private furthestAlong(among: (conn: Connection) => boolean): Connection | null {
    let best: Connection | null = null;
    for (const conn of this.connections) if (among(conn) && conn.receiving > (best?.receiving ?? 0)) best = conn;
    return best;
  }

  /** The socket is read unless its queue is full (paused) or the process has no room (held). */
  private readOrNot(conn: Connection): void {
    const reading = !conn.paused && !conn.held;
    if (reading === conn.reading) return;
    conn.reading = reading;
    if (reading) conn.socket.resume();
    else conn.socket.pause();
  }

  /** Requests one connection may have running and waiting. */
  private get capacity(): number {
    return this.limits.inFlight + this.limits.queued;
  }

  /** Outstanding requests from which the connection is no longer read. */
  private get pauseAt(): number {
    return this.limits.inFlight + Math.ceil(this.limits.queued / 4);
  }

  /** Over the request limit: answered by its id when the frame starts as the page writes it, else the connection closes. */
  private refuseTooLarge(conn: Connection, bytes: Buffer): void {
    const id = leadingId(bytes);
    if (id === null) {
      conn.socket.close(1009, 'Request too large');
      return;
    }
    const size = (n: number) => `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB`;
    this.reply(
      conn,
      id,
      fail(
        'invalid-args',
        `This request is ${size(bytes.length)}, over the ${size(this.limits.requestBytes)} a request from the window may be, ` +
          'so it was not run. Send less at once (for a rig list, import it in parts).',
        { reason: 'too-large', bytes: bytes.length, limitBytes: this.limits.requestBytes },
      ),
    );
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Between turns the event loop reads every socket, so a new page's request joins the next turn.
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** One turn: each connection with a request waiting and a free slot starts one. */
  private pump(): void {
    let more = false;
    for (const conn of this.connections) {
      if (conn.queue.length === 0 || conn.inFlight >= this.limits.inFlight) continue;
      const { frame, bytes } = conn.queue.shift()!;
      conn.queuedBytes -= bytes;
      this.run(conn, frame, bytes);
      if (conn.queue.length > 0 && conn.inFlight < this.limits.inFlight) more = true;
    }
    if (more) this.schedulePump();
  }

  private run(conn: Connection, frame: CallFrame, bytes: number): void {
    conn.inFlight++;
    void conn.scope
      .dispatch(frame.name, frame.args)
      .catch(() => fail('internal', 'The request failed unexpectedly.'))
      .then((result) => {
        conn.inFlight--;
        this.release(bytes);
        this.reply(conn, frame.id, result);
        this.resumeIfDrained(conn);
        if (conn.queue.length > 0) this.schedulePump();
      });
  }

  /** Bytes answered, or dropped with their connection. */
  private release(bytes: number): void {
    this.bytesInFlight -= bytes;
    if (bytes > 0) this.readOnIfRoom();
  }

  private resumeIfDrained(conn: Connection): void {
    const outstanding = conn.inFlight + conn.queue.length;
    if (conn.paused && outstanding <= this.pauseAt / 2 && conn.queuedBytes < this.limits.queuedBytes / 4) {
      conn.paused = false;
      this.readOrNot(conn);
    }
  }

  private reply(conn: Connection, id: number, result: Result<unknown>): void {
    const frame: ReplyFrame = { id, result };
    this.send(conn, frame);
  }

  private send(conn: Connection, frame: ReplyFrame | EventFrame): void {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(encodeAnyFrame(frame));
  }

  close(): void {
    if (this.collectTimer) clearTimeout(this.collectTimer);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

function busy(conn: Connection): Result<never> {
  return fail(
    'invalid-args',
    `Too many requests at once from this page (${conn.inFlight} running, ${conn.queue.length} waiting), so this one was not run. ` +
      'Wait for answers before sending more.',
    { reason: 'busy', running: conn.inFlight, waiting: conn.queue.length },
  );
}

function busyProcess(inFlight: number, limit: number): Result<never> {
  return fail(
    'invalid-args',
    `Motif Control is busy: the windows connected to it have ${Math.round(inFlight / MB)} MB of requests waiting, near the ` +
      `${Math.round(limit / MB)} MB it holds at once, so this one was not run. Try again in a moment.`,
    { reason: 'busy', bytesInFlight: inFlight, limitBytes: limit },
  );
}

/** The header of a masked (page to core) WebSocket frame carrying `payload` bytes. */
function frameHeaderBytes(payload: number): number {
  return 2 + (payload > 65535 ? 8 : payload > 125 ? 2 : 0) + 4;
}

function rawBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** The id of a frame written as the page writes it (`{"id":N,...`), read from its first bytes only. */
function leadingId(bytes: Buffer): number | null {
  const match = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(bytes.subarray(0, 64).toString('latin1'));
  return match ? Number(match[1]) : null;
}

function parseCallFrame(value: unknown): CallFrame {
  if (value === null || typeof value !== 'object') throw new Error('frame is not an object');
  const { id, name, args } = value as Record<string, unknown>;
  if (typeof id !== 'number' || typeof name !== 'string') throw new Error('frame lacks id or name');
  return { id, name, args };
}
