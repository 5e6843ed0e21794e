/**
 * What the app makes of the disk use a rig reports (`camera_info.disk_used_percent`):
 * Motif stops every recording once its disk is over `DISK_FULL_PERCENT`; the app warns
 * from `DISK_WARN_PERCENT`, while there is still room to copy recordings off.
 */
export const DISK_WARN_PERCENT = 85;
export const DISK_FULL_PERCENT = 94;

export type DiskLevel = 'ok' | 'nearly-full' | 'full';

export function diskLevel(percent: number): DiskLevel {
  return percent > DISK_FULL_PERCENT ? 'full' : percent >= DISK_WARN_PERCENT ? 'nearly-full' : 'ok';
}

const reportedDisks = (cameras: readonly { diskUsedPercent: number | null }[]) =>
  cameras.flatMap((c) => (c.diskUsedPercent === null ? [] : [c.diskUsedPercent]));

/** The fullest disk among a rig's cameras (in multi-camera rigs each may record to its own); null when none reports it. */
export function fullestDisk(cameras: readonly { diskUsedPercent: number | null }[]): number | null {
  const reported = reportedDisks(cameras);
  return reported.length > 0 ? Math.max(...reported) : null;
}

/** Whether a rig's disk stops any recording from starting: its fullest reported disk is over the limit. */
export function diskFull(cameras: readonly { diskUsedPercent: number | null }[]): boolean {
  const percent = fullestDisk(cameras);
  return percent !== null && diskLevel(percent) === 'full';
}

/** The least full disk when every camera that reports one is over the limit (no camera can start), else null. */
export function fullOnEveryCamera(cameras: readonly { diskUsedPercent: number | null }[]): number | null {
  const reported = reportedDisks(cameras);
  const least = reported.length > 0 ? Math.min(...reported) : null;
  return least !== null && diskLevel(least) === 'full' ? least : null;
}

const percentWords = (percent: number) => `${Math.round(percent)} %`;

/** "disk 72 % full", with why it matters once it does. */
export function diskWords(percent: number): string {
  switch (diskLevel(percent)) {
    case 'ok':
      return `disk ${percentWords(percent)} full`;
    case 'nearly-full':
      return `disk ${percentWords(percent)} full: Motif stops recording above ${DISK_FULL_PERCENT} %`;
    case 'full':
      return `disk ${percentWords(percent)} full: Motif stops recording above ${DISK_FULL_PERCENT} %, no recording can start`;
  }
}

/** Why Record is off on a rig whose every camera's disk is over the limit. */
export function diskFullRecordWords(rigName: string, percent: number): string {
  return `${rigName}'s disk is ${percentWords(percent)} full: Motif starts no recording above ${DISK_FULL_PERCENT} %. Copy recordings off or free space first.`;
}

/** Why a recording ended early, when the disk was over the limit. */
export function stoppedByDiskWords(percent: number): string {
  return `stopped: disk ${percentWords(percent)} full (Motif stops recording above ${DISK_FULL_PERCENT} %)`;
}
