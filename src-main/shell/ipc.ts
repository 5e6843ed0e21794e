import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../contract/channels';
import { fail } from '../contract/errors';
import type { Dispatch } from '../core/dispatch';
import type { EventBus } from '../core/event-bus';

/** The single gate between renderer and core: requests from anything but our window are refused. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isOurSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) =>
    isOurSender(event) ? dispatch(name, args) : fail('forbidden', 'Requests are only accepted from the app window.'),
  );
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Push every core event to the windows that are alive. */
export function forwardEvents(bus: EventBus, windows: () => WebContents[]): () => void {
  return bus.subscribe((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
}
