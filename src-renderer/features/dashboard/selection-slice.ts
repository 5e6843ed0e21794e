import type { Target } from '../../../src-main/contract/requests/targets';
import type { AppSlice } from '../../store/app-store';

/**
 * Rigs and cameras ticked on the dashboard for one action. A whole rig and some of its
 * cameras are never both selected: ticking one clears the other.
 */
export interface SelectionSlice {
  selection: Target[];
  toggleRigSelected(rigId: string): void;
  toggleCameraSelected(rigId: string, serial: string): void;
  selectRigs(rigIds: string[]): void;
  clearSelection(): void;
}

export const sameTarget = (a: Target, b: Target) => a.rigId === b.rigId && a.serial === b.serial;

export const selectionSlice: AppSlice<SelectionSlice> = (set) => ({
  selection: [],
  toggleRigSelected: (rigId) =>
    set(({ selection }) => {
      const whole = selection.some((t) => t.rigId === rigId && t.serial === undefined);
      const others = selection.filter((t) => t.rigId !== rigId);
      return { selection: whole ? others : [...others, { rigId }] };
    }),
  toggleCameraSelected: (rigId, serial) =>
    set(({ selection }) => {
      const target = { rigId, serial };
      const rest = selection.filter((t) => !(t.rigId === rigId && t.serial === undefined));
      const on = rest.some((t) => sameTarget(t, target));
      return { selection: on ? rest.filter((t) => !sameTarget(t, target)) : [...rest, target] };
    }),
  selectRigs: (rigIds) => set({ selection: rigIds.map((rigId) => ({ rigId })) }),
  clearSelection: () => set({ selection: [] }),
});
