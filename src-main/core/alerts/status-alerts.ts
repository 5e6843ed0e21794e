/**
 * The alerts one status change of a rig calls for, as plain data: what happened, to which
 * camera, what to do. Conditions that last (a full disk, a rig away while recording) carry an
 * `episode` and `active`; the raiser tells each episode once.
 */
import type { CameraStatusView, RigStatus } from '../../contract/requests/status';
import type { Notice } from '../notice-board';
import { diskLevel, fullestDisk, stoppedByDiskWords, DISK_FULL_PERCENT, DISK_WARN_PERCENT } from '../../../src-shared/disk-use';
import { cameraName } from '../../../src-shared/camera-name';
import { formatDurationSeconds } from '../../../src-shared/duration';

export interface AlertCandidate {
  episode: string;
  /** False: the condition is over (only for lasting ones); the next time it holds is a new episode. */
  active: boolean;
  /** Holds, but a graver alert says it already (a full disk is also nearly full): counted as told, not raised. */
  quiet?: boolean;
  level: Notice['level'];
  message: string;
  advice: string;
  serial?: string;
}

/** A recording ending this much before its requested length is not counted as on time (polls are a second apart). */
const EARLY_TOLERANCE_SECONDS = 3;

/** `stoppedHere(serial)`: the app itself stopped that camera's recording a moment ago. */
export function statusAlerts(next: RigStatus, previous: RigStatus, stoppedHere: (serial: string) => boolean = () => false): AlertCandidate[] {
  return [...diskAlerts(next), ...offlineAlerts(next, previous), ...keychainAlerts(next, previous), ...cameraAlerts(next, previous, stoppedHere)];
}

function diskAlerts(next: RigStatus): AlertCandidate[] {
  if (next.state !== 'online') return [];
  const percent = fullestDisk(next.cameras);
  const level = percent === null ? 'ok' : diskLevel(percent);
  const rounded = Math.round(percent ?? 0);
  return [
    {
      episode: `disk-nearly-full:${next.rigId}`,
      active: level !== 'ok',
      quiet: level === 'full',
      level: 'warning',
      message: `The disk of ${next.rigName} is ${rounded} % full (warning from ${DISK_WARN_PERCENT} %).`,
      advice: `Copy recordings off the rig and delete them there: Motif stops recording above ${DISK_FULL_PERCENT} %.`,
    },
    {
      episode: `disk-full:${next.rigId}`,
      active: level === 'full',
      level: 'error',
      message: `The disk of ${next.rigName} is ${rounded} % full: Motif stops recording above ${DISK_FULL_PERCENT} %, no recording can start.`,
      advice: 'Copy recordings off the rig and delete them there before recording again.',
    },
  ];
}

function offlineAlerts(next: RigStatus, previous: RigStatus): AlertCandidate[] {
  const episode = `offline-recording:${next.rigId}`;
  if (next.state === 'online') return [{ episode, active: false, level: 'error', message: '', advice: '' }];
  const recording = previous.state === 'online' ? previous.cameras.filter((c) => c.state === 'recording') : [];
  if (recording.length === 0) return [];
  return [
    {
      episode,
      active: true,
      level: 'error',
      message: `${next.rigName} stopped answering while ${recording.map((c) => cameraName(c)).join(', ')} recorded${next.problem ? ` (${next.problem.message})` : ''}.`,
      advice: "Check the rig's power and network. The rig may go on recording without the app seeing it; check the recording once it is back.",
      ...(recording.length === 1 ? { serial: recording[0]!.serial } : {}),
    },
  ];
}

/**
 * One episode for the whole keychain, not one per rig (it holds every rig's key): it starts with
 * the first rig whose key cannot be read and ends when a rig's key is read again.
 */
function keychainAlerts(next: RigStatus, previous: RigStatus): AlertCandidate[] {
  const alert = {
    episode: 'keychain-unavailable',
    level: 'error' as const,
    message: `The API key of ${next.rigName} could not be read: the system keychain is unavailable${next.problem ? ` (${next.problem.message})` : ''}.`,
    advice: 'Unlock the keychain (log in to the desktop session, or start its keyring), then press "retry now" on the rig.',
  };
  if (next.state === 'keychain-unavailable') return [{ ...alert, active: true }];
  if (previous.state === 'keychain-unavailable' && next.state === 'online') return [{ ...alert, active: false }];
  return [];
}

/** Changes of one camera seen between two answered polls. */
function cameraAlerts(next: RigStatus, previous: RigStatus, stoppedHere: (serial: string) => boolean): AlertCandidate[] {
  if (next.state !== 'online' || previous.state !== 'online') return [];
  return next.cameras.flatMap((camera) => {
    const before = previous.cameras.find((c) => c.serial === camera.serial);
    if (!before) return [];
    return [...(stoppedHere(camera.serial) ? [] : recordingEnded(next, previous, before, camera)), ...jobEnded(next, before, camera)];
  });
}

function recordingEnded(rig: RigStatus, previous: RigStatus, before: CameraStatusView, camera: CameraStatusView): AlertCandidate[] {
  const which = `${rig.rigName} ${cameraName(camera)}`;
  if (before.state === 'pending' && camera.state === 'idle') {
    return [
      {
        episode: `failed-start:${rig.rigId}:${camera.serial}:${before.recording?.filename ?? rig.checkedAtMs}`,
        active: true,
        level: 'error',
        serial: camera.serial,
        message: `The recording on ${which} failed to start${camera.error ? `: ${camera.error}` : ''}.`,
        advice: 'Check that the camera is connected (Multicam) and that the disk has room, then start it again.',
      },
    ];
  }
  if (before.state !== 'recording' || camera.state === 'recording' || camera.state === 'pending') return [];
  const rec = before.recording;
  const name = rec?.filename ? `Recording ${rec.filename}` : 'The recording';
  const episode = `stopped-early:${rig.rigId}:${camera.serial}:${rec?.filename ?? rec?.startedAtMs ?? ''}`;
  const disk = camera.diskUsedPercent;
  if (disk !== null && diskLevel(disk) === 'full') {
    return [
      {
        episode,
        active: true,
        level: 'error',
        serial: camera.serial,
        message: `${name} on ${which} ${stoppedByDiskWords(disk)}.`,
        advice: 'Copy recordings off the rig and delete them there, then start the recording again.',
      },
    ];
  }
  const left = leftSeconds(rig, previous, before);
  if (left === null || left <= EARLY_TOLERANCE_SECONDS) return [];
  return [
    {
      episode,
      active: true,
      level: 'warning',
      serial: camera.serial,
      message: `${name} on ${which} stopped ${formatDurationSeconds(left)} before its requested duration.`,
      advice: "If nobody stopped it, check the camera and the rig's disk, then start it again.",
    },
  ];
}

/** What was left of a timed recording when it was last seen, less the time since. */
function leftSeconds(rig: RigStatus, previous: RigStatus, before: CameraStatusView): number | null {
  const remaining = before.recording?.remainingSeconds;
  if (remaining == null) return null;
  const sinceSeconds = rig.checkedAtMs !== null && previous.checkedAtMs !== null ? (rig.checkedAtMs - previous.checkedAtMs) / 1000 : 0;
  return Math.round(remaining - sinceSeconds);
}

function jobEnded(rig: RigStatus, before: CameraStatusView, camera: CameraStatusView): AlertCandidate[] {
  const kind = before.copying ? 'copy' : before.exporting ? 'export' : null;
  if (kind === null || camera.copying || camera.exporting) return [];
  const said = camera.playbackStatus ?? '';
  const failed = /fail|error/i.test(said);
  return [
    {
      episode: `${kind}:${rig.rigId}:${camera.serial}:${rig.checkedAtMs}`,
      active: true,
      level: failed ? 'error' : 'info',
      serial: camera.serial,
      message: failed
        ? `The ${kind} on ${rig.rigName} ${cameraName(camera)} failed: ${said}.`
        : `The ${kind} on ${rig.rigName} ${cameraName(camera)} finished${said ? ` (${said})` : ''}.`,
      advice: failed ? 'Check the destination (mounted, writable, room left) and start it again.' : 'Nothing to do.',
    },
  ];
}
