import { useEffect } from 'react';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { useAppStore } from '../../store/use-app-store';

export interface RigCameras {
  status: RigStatus | undefined;
  serials: string[];
  /** The rig's IANA zone when any camera reports one, else the PC's. */
  timeZone: string;
  timeZoneFromRig: boolean;
}

const pcZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The rig's cameras and clock facts from the shared status slice, kept current while mounted. */
export function useRigCameras(rigId: string): RigCameras {
  const status = useAppStore((s) => s.statuses[rigId]);
  const load = useAppStore((s) => s.loadStatuses);
  const watch = useAppStore((s) => s.watchStatuses);
  const known = status !== undefined;
  useEffect(() => {
    if (!known) void load();
  }, [known, load]);
  // A second subscription is harmless (same data) and keeps the panel live on its own.
  useEffect(() => watch(), [watch]);
  const serials = status?.cameras.map((c) => c.serial) ?? [];
  const rigZone = status?.cameras.find((c) => c.timeZone)?.timeZone ?? null;
  return { status, serials, timeZone: rigZone ?? pcZone(), timeZoneFromRig: rigZone !== null };
}
