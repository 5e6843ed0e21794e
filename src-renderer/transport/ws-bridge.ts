import type { CallFrame, EventFrame, MotifBridge, ReplyFrame } from '../../src-main/contract/bridge';
import type { MotifError, Result } from '../../src-main/contract/errors';
import { decodeFrame, encodeFrame } from '../../src-shared/frame-codec';

export type ConnectionState = 'connecting' | 'open' | 'closed';

const lost = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } satisfies MotifError });
const REFUSED = 'Motif Control refused this page. Open the address printed by `npm run browser`.';
const AWAY = 'Lost the connection to Motif Control; trying to reconnect. Check that browser mode is still running.';

/** A bridge plus its connection state; a new watcher hears the current state at once. */
export interface ConnectedBridge {
  bridge: MotifBridge;
  watchConnection(watcher: (state: ConnectionState) => void): void;
}

/**
 * Browser mode's bridge: the same interface as Electron's preload, over one WebSocket.
 * When the connection drops (browser mode restarted, the PC slept) it reconnects by itself,
 * quickly at first, then every few seconds; browser mode keeps its address, so the tab
 * comes back without a reload. Calls made while away fail at once, never wait silently.
 */
export function createWsBridge(url: string, retry: { firstMs?: number; maxMs?: number } = {}): ConnectedBridge {
  const firstMs = retry.firstMs ?? 300;
  const maxMs = retry.maxMs ?? 5000;
  let socket: WebSocket;
  let state: ConnectionState = 'connecting';
  let everOpened = false;
  let delayMs = firstMs;
  let ready: Promise<boolean>;
  const watchers = new Set<(state: ConnectionState) => void>();
  const onState = (next: ConnectionState) => {
    state = next;
    for (const watcher of watchers) watcher(next);
  };
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  const connect = () => {
    socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer'; // frames with bytes (live pixels) arrive binary
    ready = new Promise<boolean>((resolve) => {
      socket.addEventListener('open', () => resolve(true));
      socket.addEventListener('close', () => resolve(false));
    });
    socket.addEventListener('open', () => {
      everOpened = true;
      delayMs = firstMs;
      onState('open');
    });
    socket.addEventListener('close', () => {
      onState('closed');
      for (const settle of pending.values()) settle(lost(everOpened ? AWAY : REFUSED));
      pending.clear();
      setTimeout(connect, delayMs);
      delayMs = Math.min(maxMs, delayMs * 2);
    });
    socket.addEventListener('message', (message) => {
      const data: unknown = message.data;
      const frame = decodeFrame(data instanceof ArrayBuffer ? data : String(data)) as Partial<ReplyFrame & EventFrame>;
      if (typeof frame.id === 'number' && frame.result) {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (typeof frame.event === 'string') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    });
  };
  connect();

  const bridge: MotifBridge = {
    async call(name, args) {
      if (state !== 'open' && !(await ready)) return lost(everOpened ? AWAY : REFUSED);
      const id = nextId++;
      const frame: CallFrame = { id, name, args };
      // The reply's shape is the contract's for `name`; main validated the call.
      const reply = new Promise<Result<never>>((resolve) => pending.set(id, resolve as (r: Result<unknown>) => void));
      socket.send(encodeFrame(frame));
      return reply;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      const relay = listener as (payload: unknown) => void; // payload typed by the contract for `event`
      set.add(relay);
      listeners.set(event, set);
      return () => {
        set.delete(relay);
      };
    },
  };
  return {
    bridge,
    watchConnection(watcher) {
      watchers.add(watcher);
      watcher(state);
    },
  };
}
