import { requests, type RequestName } from '../contract/requests';
import type { Dispatch } from './dispatch';

/**
 * One window's connection to the core (a WebSocket, an Electron window). Some requests open
 * something that belongs to the window that asked (a live view's watch); the contract says
 * which, and how it is released. Calls go through `dispatch`; what they opened and did not
 * release themselves is released by `close()`, when the connection ends without saying.
 */
export interface ConnectionScope {
  dispatch: Dispatch;
  /** Releases what this connection still holds; later calls are refused. */
  close(): Promise<void>;
}

interface Held {
  name: RequestName;
  args: unknown;
}

const keyOf = (name: RequestName, args: unknown) => `${name}\n${JSON.stringify(args)}`;

/** The release a successful answer to `name` calls for, if the contract declares one. */
function releaseOf(name: RequestName, value: unknown): Held | null {
  const spec = requests[name];
  if (!('release' in spec)) return null;
  const result = spec.result.safeParse(value);
  return result.success ? { name: spec.release.request, args: spec.release.args(result.data) } : null;
}

export function connectionScope(dispatch: Dispatch): ConnectionScope {
  const held = new Map<string, Held>();
  let closed = false;
  return {
    async dispatch(name, args) {
      if (closed) return dispatch(name, args); // answered as any call; nothing new is held
      const result = await dispatch(name, args);
      if (typeof name !== 'string' || !Object.hasOwn(requests, name)) return result;
      const n = name as RequestName; // checked just above, as dispatch does
      // The window released it itself (args as it sent them: the same that release would send).
      held.delete(keyOf(n, args));
      if (!result.ok) return result;
      const release = releaseOf(n, result.value);
      if (release) {
        if (closed) await dispatch(release.name, release.args); // the connection ended while it was opened
        else held.set(keyOf(release.name, release.args), release);
      }
      return result;
    },
    async close() {
      closed = true;
      const releases = [...held.values()];
      held.clear();
      await Promise.all(releases.map((r) => dispatch(r.name, r.args)));
    },
  };
}
