import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../contract/channels';
import { fail } from '../contract/errors';
import { connectionScope, type ConnectionScope } from '../core/connection-scope';
import type { Dispatch } from '../core/dispatch';
import type { EventBus } from '../core/event-bus';

/** What registerIpc needs of a window's contents: who it is, and when its page goes. */
export type PageContents = Pick<WebContents, 'id' | 'once'>;

/**
 * The single gate between renderer and core: requests from anything but our window are refused.
 * Each page is a connection: what it opened and did not release (a live view's watch) is
 * released when the page goes (reloaded, navigated, crashed or closed).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isOurSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const scopes = new Map<number, ConnectionScope>();
  const scopeOf = (contents: PageContents): ConnectionScope => {
    const existing = scopes.get(contents.id);
    if (existing) return existing;
    const scope = connectionScope(dispatch);
    scopes.set(contents.id, scope);
    const end = () => {
      if (scopes.get(contents.id) !== scope) return;
      scopes.delete(contents.id);
      void scope.close();
    };
    contents.once('did-navigate', end);
    contents.once('render-process-gone', end);
    contents.once('destroyed', end);
    return scope;
  };
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) =>
    isOurSender(event) ? scopeOf(event.sender).dispatch(name, args) : fail('forbidden', 'Requests are only accepted from the app window.'),
  );
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const scope of scopes.values()) void scope.close();
    scopes.clear();
  };
}

/** Push every core event to the windows that are alive. */
export function forwardEvents(bus: EventBus, windows: () => WebContents[]): () => void {
  return bus.subscribe((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
}
