import type { Target } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';
import type { FleetAction } from '../fleet/fleet-action';

/** The one modal dialog open in the window, whichever view opened it. */
export type OpenDialog =
  | { kind: 'record'; targets: Target[] }
  | { kind: 'stop'; targets: Target[] }
  | { kind: 'copy'; targets: Target[] }
  | { kind: 'fleet-action'; action: FleetAction; targets: Target[] }
  | { kind: 'fleet-schedule'; targets: Target[] }
  | { kind: 'add-rig' }
  | { kind: 'edit-rig'; rigId: string }
  | { kind: 'remove-rig'; rigId: string }
  | { kind: 'import-rigs' };

export interface DialogSlice {
  dialog: OpenDialog | null;
  openDialog(dialog: OpenDialog): void;
  closeDialog(): void;
}

export const dialogSlice: AppSlice<DialogSlice> = (set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
});
