import { z } from 'zod';
import { NoArgs } from './shared';

/**
 * How the app last reached a rig. 'no-key' and 'not-trusted' come before any call (nothing
 * stored for the rig yet), as does 'keychain-unavailable' (the key could not be read);
 * 'key-rejected' and 'untrusted' are the rig's or the handshake's answer.
 */
export const RigConnectionState = z.enum([
  'unknown',
  'online',
  'offline',
  'key-rejected',
  'untrusted',
  'no-key',
  'not-trusted',
  'keychain-unavailable',
  'rig-error',
]);
export type RigConnectionState = z.infer<typeof RigConnectionState>;

export const CameraRecording = z.object({
  filename: z.string().nullable(),
  /** Unix ms on the rig's clock; null when the rig does not say. */
  startedAtMs: z.number().nullable(),
  /** The requested length, when one was given. */
  durationSeconds: z.number().nullable(),
  /** As of the status's `checkedAtMs`; the UI extrapolates from `startedAtMs` between polls. */
  elapsedSeconds: z.number().nullable(),
  remainingSeconds: z.number().nullable(),
});
export type CameraRecording = z.infer<typeof CameraRecording>;

export const CameraStatusView = z.object({
  serial: z.string(),
  name: z.string().nullable(),
  connected: z.boolean().nullable(),
  state: z.enum(['idle', 'pending', 'recording', 'unknown']),
  recording: CameraRecording.nullable(),
  /** `playback_info.status` as the rig words it ("copying", "exporting 40%", ...); null when idle. */
  playbackStatus: z.string().nullable(),
  /** 0..1 when the rig reports the job's progress (undocumented field). */
  playbackProgress: z.number().nullable(),
  copying: z.boolean(),
  exporting: z.boolean(),
  /** IANA zone when the rig reports one. */
  timeZone: z.string().nullable(),
  /** `camera_info.disk_used_percent`: how full the disk this camera records to is; null when the rig does not say. */
  // Defaults: a status kept by an earlier version (rig-status.json) has neither field.
  diskUsedPercent: z.number().nullable().default(null),
  /** `io_info.outputs`: each named output's current value (1 on, 0 off, or a level); empty when the rig reports none. */
  outputs: z.record(z.string(), z.number()).default({}),
  /** The codec names configured on the rig (`camera_info.codecs`); absent when the rig does not report them. */
  codecs: z.array(z.string()).optional(),
  /** Why this camera's status could not be read, while the rig itself answered. */
  error: z.string().nullable(),
});
export type CameraStatusView = z.infer<typeof CameraStatusView>;

export const RigStatus = z.object({
  rigId: z.string(),
  rigName: z.string(),
  state: RigConnectionState,
  /** True when what is shown was not confirmed by the latest poll (offline, or restored after a restart). */
  stale: z.boolean(),
  /** A sentence for the user when the state is not 'online'; never holds a key. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  lastSeenAtMs: z.number().nullable(),
  checkedAtMs: z.number().nullable(),
  /** Delay before the next attempt while the rig is unreachable. */
  retryDelayMs: z.number().nullable(),
  version: z.string().nullable(),
  /** Rig clock (`schedule.now`) minus this PC's clock. */
  clockOffsetMs: z.number().nullable(),
  /**
   * When the rig's pinned certificate expired (ISO time); absent while valid. The pinned
   * fingerprint is the trust, so the rig is still used, but the user is told.
   */
  certificateExpiredAt: z.string().optional(),
  cameras: z.array(CameraStatusView),
});
export type RigStatus = z.infer<typeof RigStatus>;

export const statusRequests = {
  'status.list': { args: NoArgs, result: z.array(RigStatus) },
  /** Poll now (one rig, or all), waiting for the answers. */
  'status.refresh': {
    args: z.object({ rigId: z.string().optional() }).strict(),
    result: z.array(RigStatus),
  },
  /**
   * A window shows these rigs: poll them every second until `forMs` from now (idle rigs nobody
   * looks at are read less often). Answers when each rig was last read, since a status is pushed
   * only when it changed.
   */
  'status.watch': {
    args: z.object({ rigIds: z.array(z.string().min(1)).max(1000), forMs: z.number().int().min(1000).max(60_000).optional() }).strict(),
    result: z.object({ checkedAtMs: z.record(z.string(), z.number().nullable()) }),
  },
} as const;
