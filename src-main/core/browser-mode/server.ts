import { randomBytes } from 'node:crypto';
import { contentSecurityPolicy } from '../content-security-policy';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../app-core';
import { consoleLogger, type Logger } from '../logger';
import { allowedHost, isLoopbackOrigin, requestPath, type AccessPolicy } from './access-check';
import { send, serveStatic } from './static-files';
import { WsTransport, type WsLimits } from './ws-transport';

export interface BrowserServerOptions {
  core: AppCore;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed for tests; otherwise random for every run. */
  token?: string;
  /** Also accept WebSockets from this loopback origin (`npm run dev`'s Vite server); the token is still required. */
  devOrigin?: string;
  /** What one page may ask at once; the defaults suit the window. */
  limits?: Partial<WsLimits>;
  log?: Logger;
}

export interface BrowserServer {
  /** The address to open, token included (in the fragment, so it never reaches a server log). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** Serve the renderer and the core over HTTP + WebSocket, on 127.0.0.1 only. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (options.devOrigin !== undefined && !isLoopbackOrigin(options.devOrigin)) {
    throw new Error(`Not a loopback http origin: ${options.devOrigin}`);
  }
  const policy: AccessPolicy = { port: 0, token, ...(options.devOrigin ? { devOrigin: options.devOrigin } : {}) };
  const log = options.log ?? consoleLogger;
  const transport = new WsTransport(options.core, policy, log, options.limits);
  const server: Server = createServer((req, res) => {
    if (!allowedHost(req, policy)) return send(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const path = requestPath(req);
    if (path === null) return send(res, 400, 'Bad request');
    // The page may open a WebSocket to this port only (the meta tag allows any loopback port).
    const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(policy.port) };
    serveStatic(options.staticDir, path, res, headers).catch((e: unknown) => {
      log.error('browser mode: serving a file failed', e);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    // Until ws takes the socket over, a reset on it must not end the process.
    socket.on('error', () => socket.destroy());
    const path = requestPath(req);
    if (path !== '/ws') {
      socket.end(`HTTP/1.1 ${path === null ? '400 Bad Request' : '404 Not Found'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    transport.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (e) => log.error('browser mode: HTTP server error', e));
  policy.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${policy.port}/#token=${token}`,
    port: policy.port,
    token,
    close: async () => {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
