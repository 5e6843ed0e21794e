import { useMemo } from 'react';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { useAppStore } from '../../store/use-app-store';
import { testRigConnection } from '../rigs/test-connection';
import type { RigActionHandlers } from './RigActions';

/**
 * What one rig's row, card or tile shows, each part selected on its own: a change on another
 * rig leaves this one's component alone (its status and summary objects stay the same).
 */
export function useRigItem(rigId: string): { rig: RigSummary | undefined; status: RigStatus | undefined; wholeRigSelected: boolean } {
  const rig = useAppStore((s) => s.rigs.find((r) => r.id === rigId));
  const status = useAppStore((s) => s.statuses[rigId]);
  const wholeRigSelected = useAppStore((s) => s.selection.some((t) => t.rigId === rigId && t.serial === undefined));
  return { rig, status, wholeRigSelected };
}

/** One rig's buttons, made once per rig (the store's actions never change). */
export function useRigHandlers(rig: RigSummary | undefined): RigActionHandlers | undefined {
  const openDialog = useAppStore((s) => s.openDialog);
  const openRig = useAppStore((s) => s.openRig);
  const rigRequest = useAppStore((s) => s.rigRequest);
  return useMemo(
    () =>
      rig && {
        onRecord: () => openDialog({ kind: 'record', targets: [{ rigId: rig.id }] }),
        onStop: () => openDialog({ kind: 'stop', targets: [{ rigId: rig.id }] }),
        onOpen: () => openRig(rig.id),
        onEdit: () => openDialog({ kind: 'edit-rig', rigId: rig.id }),
        onTest: () => void testRigConnection(rig, rigRequest),
        onRemove: () => openDialog({ kind: 'remove-rig', rigId: rig.id }),
      },
    [rig, openDialog, openRig, rigRequest],
  );
}
