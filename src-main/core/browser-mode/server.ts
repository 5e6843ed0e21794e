import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppCore } from '../app-core';
import { allowedHost, isLoopbackOrigin, type AccessPolicy } from './access-check';
import { send, serveStatic } from './static-files';
import { WsTransport } from './ws-transport';

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
  const transport = new WsTransport(options.core, policy);
  const server: Server = createServer((req, res) => {
    if (!allowedHost(req, policy)) return send(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void serveStatic(options.staticDir, path, res, SECURITY_HEADERS);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    transport.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
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
