import type { MotifBridge } from '../../src-main/contract/bridge';
import { createWsBridge, type ConnectedBridge } from './ws-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    motif?: MotifBridge;
  }
}

/** Electron's preload bridge when present, else browser mode's WebSocket with the token from the URL. */
export function connectBridge(): ConnectedBridge {
  const preloaded = window.motif;
  if (preloaded) return { bridge: preloaded, watchConnection: (watcher) => watcher('open') };
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsBridge(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}
