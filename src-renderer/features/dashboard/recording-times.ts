import type { CameraRecording, RigStatus } from '../../../src-main/contract/requests/status';

export interface RecordingTimes {
  elapsedSeconds: number | null;
  remainingSeconds: number | null;
}

/**
 * Elapsed and remaining time of a recording at `nowMs` (this PC's clock), ticking between
 * polls: from the rig's start time corrected by its clock offset, else from the last poll.
 * Stale status is not extrapolated: nobody confirmed the recording is still running.
 */
export function recordingTimesAt(recording: CameraRecording, status: Pick<RigStatus, 'clockOffsetMs' | 'checkedAtMs' | 'stale'>, nowMs: number): RecordingTimes {
  if (status.stale) return { elapsedSeconds: recording.elapsedSeconds, remainingSeconds: recording.remainingSeconds };
  let elapsedSeconds: number | null = null;
  if (recording.startedAtMs !== null) {
    const rigNowMs = nowMs + (status.clockOffsetMs ?? 0);
    elapsedSeconds = Math.max(0, (rigNowMs - recording.startedAtMs) / 1000);
  } else if (recording.elapsedSeconds !== null && status.checkedAtMs !== null) {
    elapsedSeconds = recording.elapsedSeconds + Math.max(0, nowMs - status.checkedAtMs) / 1000;
  }
  let remainingSeconds = recording.remainingSeconds;
  if (recording.durationSeconds !== null && elapsedSeconds !== null) {
    remainingSeconds = Math.max(0, recording.durationSeconds - elapsedSeconds);
  }
  return { elapsedSeconds, remainingSeconds };
}
