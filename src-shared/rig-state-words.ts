import { diskFull } from './disk-use';

/**
 * How a rig's connection state reads, one row per state of the contract's `RigConnectionState`
 * (src-main/contract/requests/status.ts; the renderer's badge and the tray menu each pin this
 * table to that type): `badge` is the window's state badge with its Mantine `color`, `tray` the
 * tray menu's word after the rig's name, `problem` whether the state needs the user (key,
 * certificate, keychain, rig error): the tray's attention mark and the fleet summary count these.
 */
export interface RigStateWords {
  badge: string;
  color: string;
  tray: string;
  problem: boolean;
}

export const rigStateWords = {
  unknown: { badge: 'checking…', color: 'gray', tray: 'unknown', problem: false },
  online: { badge: 'online', color: 'teal', tray: 'idle', problem: false },
  offline: { badge: 'offline', color: 'red', tray: 'offline', problem: false },
  'key-rejected': { badge: 'key rejected', color: 'red', tray: 'key rejected', problem: true },
  untrusted: { badge: 'untrusted', color: 'red', tray: 'certificate not trusted', problem: true },
  'no-key': { badge: 'no key', color: 'orange', tray: 'no API key', problem: true },
  'not-trusted': { badge: 'not trusted yet', color: 'orange', tray: 'certificate not accepted yet', problem: true },
  'keychain-unavailable': { badge: 'keychain unavailable', color: 'orange', tray: 'keychain unavailable', problem: true },
  'rig-error': { badge: 'rig error', color: 'orange', tray: 'rig-error', problem: true },
} as const satisfies Record<string, RigStateWords>;

export type RigStateName = keyof typeof rigStateWords;

/**
 * How a camera reads on a rig card, row or detail: its recording state, except that a camera
 * whose process is not connected (multicam disconnect) is 'disconnected' whatever else it says.
 * Derived here once, from the contract's `connected` and `state` of a camera's status.
 */
export const cameraStateWords = {
  recording: { badge: 'recording', color: 'red' },
  pending: { badge: 'pending', color: 'orange' },
  idle: { badge: 'idle', color: 'gray' },
  unknown: { badge: 'unknown', color: 'gray' },
  disconnected: { badge: 'disconnected', color: 'orange' },
} as const satisfies Record<string, { badge: string; color: string }>;

export type ShownCameraState = keyof typeof cameraStateWords;

export function shownCameraState(camera: { connected: boolean | null; state: Exclude<ShownCameraState, 'disconnected'> }): ShownCameraState {
  return camera.connected === false ? 'disconnected' : camera.state;
}

/**
 * A rig that needs someone: a state the table marks as a problem (key rejected, certificate
 * changed...), or online with a disk too full for any recording to start.
 */
export function rigNeedsSomeone(status: { state: RigStateName; cameras: readonly { diskUsedPercent: number | null }[] }): boolean {
  return rigStateWords[status.state].problem || (status.state === 'online' && diskFull(status.cameras));
}
