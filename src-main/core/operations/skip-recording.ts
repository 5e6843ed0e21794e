import type { MotifError } from '../../contract/errors';
import type { Target } from '../../contract/requests/targets';

/** A camera as the latest status shows it. */
export interface KnownCamera {
  serial: string;
  recording: boolean;
}

/** What a start over a selection sends, and what it leaves alone because it records already. */
export interface StartPlan {
  send: Target[];
  skipped: Target[];
}

export const alreadyRecording: MotifError = { code: 'already-recording', message: 'already recording, not restarted' };

/**
 * Splits a start so no running recording is restarted: a camera that records is skipped; a
 * whole rig whose cameras all record is skipped; a rig with some cameras recording gets the
 * start on its other cameras one by one. A rig whose cameras are unknown (`undefined`: no
 * fresh status) gets the start as asked.
 */
export function planStart(targets: readonly Target[], camerasOf: (rigId: string) => readonly KnownCamera[] | undefined): StartPlan {
  const plan: StartPlan = { send: [], skipped: [] };
  for (const target of targets) {
    const cameras = camerasOf(target.rigId);
    const recording = new Set(cameras?.filter((c) => c.recording).map((c) => c.serial));
    if (target.serial !== undefined) {
      (recording.has(target.serial) ? plan.skipped : plan.send).push(target);
    } else if (!cameras || recording.size === 0) {
      plan.send.push(target);
    } else if (recording.size === cameras.length) {
      plan.skipped.push(target);
    } else {
      for (const c of cameras) (c.recording ? plan.skipped : plan.send).push({ rigId: target.rigId, serial: c.serial });
    }
  }
  return plan;
}
