import type { EventName, EventPayload } from '../contract/events';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of main's pushed events to every connected transport (IPC windows, WebSockets) and to core subscribers. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken transport must not keep the event from the others.
      }
    }
  }

  /** Every event, for transports that forward them all. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** One event, its payload typed by the contract: `on('rig.status', (status) => ...)`. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe(<F extends EventName>(name: F, payload: EventPayload<F>) => {
      if (isEvent(event, name, payload)) listener(payload);
    });
  }
}

/** True when the event is `wanted`, which makes its payload the wanted event's payload. */
function isEvent<E extends EventName>(wanted: E, name: EventName, _payload: unknown): _payload is EventPayload<E> {
  return name === wanted;
}
