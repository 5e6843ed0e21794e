import type { Result } from './errors';
import type { Args, RequestName, Res } from './requests';
import type { EventName, EventPayload } from './events';

/** What the renderer sees as `window.motif`, whatever the transport. */
export interface MotifBridge {
  call<N extends RequestName>(name: N, args: Args<N>): Promise<Result<Res<N>>>;
  /** Subscribe to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** One message on the wire of any transport (IPC or WebSocket). */
export interface CallFrame {
  id: number;
  name: string;
  args: unknown;
}
export interface ReplyFrame {
  id: number;
  result: Result<unknown>;
}
export interface EventFrame {
  event: string;
  payload: unknown;
}
