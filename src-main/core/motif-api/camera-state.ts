import type { CameraStatus } from './operation-table';

/** Readings of a `camera/<serial>` status, as the vendor client makes them. */

/** Recording, or about to (`status` "pending"). */
export function isRecordingStatus(status: CameraStatus): boolean {
  const info = status.camera_info;
  return Boolean(info?.filename) || info?.status === 'pending';
}

export function isCopyingStatus(status: CameraStatus): boolean {
  return status.playback_info?.status === 'copying';
}

/** "export..." while exporting; a status containing "finished" means it is done. */
export function isExportingStatus(status: CameraStatus): boolean {
  const s = status.playback_info?.status;
  return typeof s === 'string' && s.startsWith('export') && !s.includes('finished');
}
