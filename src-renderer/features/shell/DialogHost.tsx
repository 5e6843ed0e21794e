import { useAppStore } from '../../store/use-app-store';
import { FleetActionDialog } from '../fleet/FleetActionDialog';
import { FleetScheduleDialog } from '../fleet/FleetScheduleDialog';
import { CopyDialog } from '../recording/CopyDialog';
import { RecordDialog } from '../recording/RecordDialog';
import { StopDialog } from '../recording/StopDialog';
import { AddRigDialog } from '../rigs/AddRigDialog';
import { EditRigDialog } from '../rigs/EditRigDialog';
import { ImportRigsDialog } from '../rigs/ImportRigsDialog';
import { RemoveRigDialog } from '../rigs/RemoveRigDialog';

/** Renders the dialog any view opened through `openDialog`. */
export function DialogHost() {
  const dialog = useAppStore((s) => s.dialog);
  const close = useAppStore((s) => s.closeDialog);
  const rigs = useAppStore((s) => s.rigs);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'record':
      return <RecordDialog targets={dialog.targets} onClose={close} />;
    case 'stop':
      return <StopDialog targets={dialog.targets} onClose={close} />;
    case 'copy':
      return <CopyDialog targets={dialog.targets} onClose={close} />;
    case 'fleet-action':
      return <FleetActionDialog action={dialog.action} targets={dialog.targets} onClose={close} />;
    case 'fleet-schedule':
      return <FleetScheduleDialog targets={dialog.targets} onClose={close} />;
    case 'add-rig':
      return <AddRigDialog onClose={close} />;
    case 'import-rigs':
      return <ImportRigsDialog onClose={close} />;
    case 'edit-rig':
    case 'remove-rig': {
      const rig = rigs.find((r) => r.id === dialog.rigId);
      if (!rig) return null;
      return dialog.kind === 'edit-rig' ? <EditRigDialog key={rig.id} rig={rig} onClose={close} /> : <RemoveRigDialog rig={rig} onClose={close} />;
    }
  }
}
