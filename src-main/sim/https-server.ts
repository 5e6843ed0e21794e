/**
 * The HTTPS side of one rig: URL to endpoint, injected faults, the API key, JSON
 * with Infinity tokens, and the vendor error shape. Commands go to RigModel.execute.
 */
import { timingSafeEqual } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { type WireValue, parseWire, stringifyWire } from '../core/python-json';
import { type Args, isArgs } from './args';
import type { FaultSet, TerminalFault } from './faults';
import type { CommandResult, RigModel } from './rig-model';
import { normalizeEndpoint } from './router';
import { vendorErrorBody } from './wire-errors';

const MAX_BODY_BYTES = 1 << 20;
const CONTROL_PREFIX = '/_sim/';

export type ControlHandler = (method: string, path: string, args: Args) => Promise<CommandResult>;

export interface RigServerOptions {
  host: string;
  port: number;
  apiKey: string;
  tls: { cert: string; key: string };
  model: RigModel;
  faults: FaultSet;
  /** Present when the /_sim/ surface is on. */
  control?: ControlHandler;
}

export class RigServer {
  private server: https.Server | null = null;
  private readonly sockets = new Set<Socket>();
  port: number;

  constructor(private readonly opts: RigServerOptions) {
    this.port = opts.port;
  }

  get online(): boolean {
    return this.server !== null;
  }

  async listen(): Promise<number> {
    if (this.server) return this.port;
    const server = https.createServer({ cert: this.opts.tls.cert, key: this.opts.tls.key }, (req, res) => {
      void this.handle(req, res);
    });
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    // A client that drops mid-handshake must not take the rig down.
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
    return this.port;
  }

  /** Stops listening and drops every open connection: clients see a refused connection. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const pathname = new URL(req.url ?? '/', 'https://rig').pathname;
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return send(res, 413, vendorErrorBody(413, 'request body too large'));
    }
    if (pathname.startsWith(CONTROL_PREFIX) && this.opts.control) {
      if (!this.keyMatches(req)) return send(res, 401, vendorErrorBody(401, 'invalid or missing API key'));
      const args = parseArgs(text);
      if (!args.ok) return send(res, 400, vendorErrorBody(400, args.message));
      const r = await this.opts.control(method, pathname.slice(CONTROL_PREFIX.length), args.value);
      return send(res, r.status, r.body);
    }
    const endpoint = endpointOf(pathname);
    const decision = this.opts.faults.decide(endpoint ?? pathname);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.terminal) return this.fault(decision.terminal, req, res, method, endpoint ?? pathname);

    const reject = (status: number, message: string, args: unknown = {}) => {
      this.log(method, endpoint ?? pathname, args, status);
      send(res, status, vendorErrorBody(status, message));
    };
    if (!this.keyMatches(req)) return reject(401, 'invalid or missing API key (send it in the X-Api-Key header)');
    if (endpoint === undefined) return reject(404, `not found: ${pathname}`);
    const args = parseArgs(text);
    if (!args.ok) return reject(400, args.message, text);
    const r = await this.opts.model.execute(method, endpoint, args.value, { kind: 'request' });
    send(res, r.status, r.body);
  }

  private fault(f: TerminalFault, req: IncomingMessage, res: ServerResponse, method: string, endpoint: string): void {
    switch (f.kind) {
      case 'reset':
        this.log(method, endpoint, {}, 0);
        return resetSocket(req.socket);
      case 'hang':
        // Never answer; the socket is dropped when the rig stops or goes offline.
        return this.log(method, endpoint, {}, 0);
      case 'http500':
        this.log(method, endpoint, {}, 500);
        return send(res, 500, vendorErrorBody(500, f.message ?? 'simulated internal server error'));
      case 'garbage':
        this.log(method, endpoint, {}, 200);
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Bad Gateway</body></html>');
        return;
    }
  }

  private log(method: string, endpoint: string, args: unknown, status: number): void {
    this.opts.model.logEvent({ at: Date.now(), kind: 'request', method, endpoint, args, status });
  }

  private keyMatches(req: IncomingMessage): boolean {
    const given = req.headers['x-api-key'];
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.opts.apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** `/version` is outside `/api/1/`; every other endpoint is inside it. */
function endpointOf(pathname: string): string | undefined {
  if (pathname === '/version' || pathname === '/version/') return 'version';
  if (!pathname.startsWith('/api/1/')) return undefined;
  const endpoint = normalizeEndpoint(pathname);
  return endpoint === '' || endpoint === 'version' ? undefined : endpoint;
}

function parseArgs(text: string): { ok: true; value: Args } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: WireValue;
  try {
    value = parseWire(text);
  } catch (e) {
    return { ok: false, message: `request body is not valid JSON: ${(e as Error).message}` };
  }
  if (!isArgs(value)) return { ok: false, message: 'request body must be a JSON object of arguments' };
  return { ok: true, value };
}

function send(res: ServerResponse, status: number, body: WireValue): void {
  const text = stringifyWire(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An RST where the platform allows it, else a plain close. */
function resetSocket(socket: Socket): void {
  const s = socket as Socket & { resetAndDestroy?: () => void };
  try {
    if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
    else s.destroy();
  } catch {
    s.destroy();
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
