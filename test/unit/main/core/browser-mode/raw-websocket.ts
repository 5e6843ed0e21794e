/**
 * A WebSocket client written by hand, for sending what a browser never would: frames with
 * wrong bits, unmasked, with invalid UTF-8 or a forbidden close code, or declaring a size
 * over the limit.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawFrame {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv1?: boolean;
  /** Clients must mask every frame; false sends it bare. */
  masked?: boolean;
  /** The length written in the header, when it should differ from the payload's. */
  declaredLength?: number;
}

export function clientFrame(frame: RawFrame): Buffer {
  const payload = frame.payload ?? Buffer.alloc(0);
  const length = frame.declaredLength ?? payload.length;
  const masked = frame.masked ?? true;
  const head: number[] = [((frame.fin ?? true) ? 0x80 : 0) | (frame.rsv1 ? 0x40 : 0) | (frame.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= key[i % 4]!;
  return Buffer.concat([Buffer.from(head), extended, key, body]);
}

export const textFrame = (text: string | Buffer): Buffer => clientFrame({ opcode: 0x1, payload: Buffer.from(text) });

export function closeFrame(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return clientFrame({ opcode: 0x8, payload });
}

/** The six protocol errors a browser never sends, each with the close code the server must answer with. */
export function protocolErrors(maxFrameBytes: number): { kind: string; bytes: Buffer; closeCode: number }[] {
  return [
    // Only the header: the declared size alone is over the limit.
    { kind: 'frame over the size limit', bytes: clientFrame({ opcode: 0x1, declaredLength: maxFrameBytes + 1, payload: Buffer.from('{"id":1') }), closeCode: 1009 },
    { kind: 'invalid UTF-8', bytes: textFrame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), closeCode: 1007 },
    { kind: 'unmasked frame', bytes: clientFrame({ opcode: 0x1, payload: Buffer.from('{}'), masked: false }), closeCode: 1002 },
    { kind: 'RSV1 without an extension', bytes: clientFrame({ opcode: 0x1, payload: Buffer.from('{}'), rsv1: true }), closeCode: 1002 },
    { kind: 'reserved opcode 0x3', bytes: clientFrame({ opcode: 0x3, payload: Buffer.from('{}') }), closeCode: 1002 },
    { kind: 'close code 1005', bytes: closeFrame(1005), closeCode: 1002 },
  ];
}

export interface RawConnection {
  socket: Socket;
  /** Frames the server sent, in order. */
  frames: { opcode: number; payload: Buffer }[];
  /** Resolves with the server's close code (null if it closed without a close frame) once the connection ended, and when (ms after connecting). */
  closed: Promise<{ code: number | null; ms: number }>;
}

/**
 * Opens browser mode's WebSocket by hand: Host, Origin and token as the page sends them.
 * On the server's close frame the socket is dropped, unless `stayOnClose` (a peer that never says goodbye).
 */
export function rawConnect(port: number, token: string, options: { stayOnClose?: boolean } = {}): Promise<RawConnection> {
  const origin = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const frames: RawConnection['frames'] = [];
    let closeCode: number | null = null;
    let settleClosed!: (v: { code: number | null; ms: number }) => void;
    const closed = new Promise<{ code: number | null; ms: number }>((r) => (settleClosed = r));
    socket.on('error', () => {}); // a reset is an end like any other here
    socket.on('close', () => {
      settleClosed({ code: closeCode, ms: performance.now() - started });
      if (!upgraded) reject(new Error('closed before the upgrade'));
    });
    socket.on('connect', () => {
      const key = randomBytes(16).toString('base64');
      socket.write(
        `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(head.split('\r\n')[0]));
          return;
        }
        upgraded = true;
        resolve({ socket, frames, closed });
      }
      for (;;) {
        const frame = readServerFrame(buffer);
        if (!frame) break;
        buffer = buffer.subarray(frame.size);
        frames.push({ opcode: frame.opcode, payload: frame.payload });
        if (frame.opcode === 0x8) {
          closeCode = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null;
          if (!options.stayOnClose) socket.destroy();
          return;
        }
      }
    });
  });
}

function readServerFrame(buffer: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const opcode = buffer[0]! & 0x0f;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  return { opcode, payload: buffer.subarray(offset, offset + length), size: offset + length };
}
