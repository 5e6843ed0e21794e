import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../src-main/contract/channels';
import type { MotifBridge } from '../src-main/contract/bridge';

/** Sandboxed preload: exposes exactly the typed bridge, never ipcRenderer itself. */
const motif: MotifBridge = {
  // Main answers every call with a Result and never throws.
  call: (name, args) => ipcRenderer.invoke(CALL_CHANNEL, name, args),
  on: (event, listener) => {
    const relay = (_e: unknown, name: unknown, payload: unknown) => {
      // Main sent this payload for `event`, typed by the contract.
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('motif', motif);
