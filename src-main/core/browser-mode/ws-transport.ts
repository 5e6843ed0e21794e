import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallFrame, EventFrame, ReplyFrame } from '../../contract/bridge';
import { fail } from '../../contract/errors';
import type { AppCore } from '../app-core';
import { refuseUpgrade, type AccessPolicy } from './access-check';
import { decodeFrame, encodeFrame } from '../../../src-shared/frame-codec';

const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** The WebSocket side of browser mode: the same dispatch and events as Electron IPC. */
export class WsTransport {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  constructor(
    private readonly core: AppCore,
    private readonly policy: AccessPolicy,
  ) {
    this.wss.on('connection', (socket) => this.serve(socket));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = refuseUpgrade(req, this.policy);
    if (refusal !== null) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nRefused: ${refusal}\r\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private serve(socket: WebSocket): void {
    const unsubscribe = this.core.events.subscribe((event, payload) => {
      const frame: EventFrame = { event, payload };
      socket.send(encodeFrame(frame));
    });
    socket.on('close', unsubscribe);
    socket.on('message', async (data) => {
      let frame: CallFrame;
      try {
        frame = parseCallFrame(decodeFrame(String(data)));
      } catch {
        socket.close(1003, 'Malformed frame');
        return;
      }
      const result = await this.core.dispatch(frame.name, frame.args).catch(() =>
        fail('internal', 'The request failed unexpectedly.'),
      );
      const reply: ReplyFrame = { id: frame.id, result };
      if (socket.readyState === socket.OPEN) socket.send(encodeFrame(reply));
    });
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}

function parseCallFrame(value: unknown): CallFrame {
  if (value === null || typeof value !== 'object') throw new Error('frame is not an object');
  const { id, name, args } = value as Record<string, unknown>;
  if (typeof id !== 'number' || typeof name !== 'string') throw new Error('frame lacks id or name');
  return { id, name, args };
}
