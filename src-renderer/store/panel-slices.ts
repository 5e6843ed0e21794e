import type { MotifBridge } from '../../src-main/contract/bridge';
import { outputsSlice, type OutputsSlice } from '../features/outputs/outputs-slice';
import { scheduleSlice, type ScheduleSlice } from '../features/schedule/schedule-slice';
import type { AppSlice } from './app-store';

/** The slices behind a rig's detail panels and the Outbox and Audit views, composed once. */
export type PanelSlices = OutputsSlice & ScheduleSlice;

export const panelSlices =
  (bridge: MotifBridge): AppSlice<PanelSlices> =>
  (...a) => ({
    ...outputsSlice(bridge)(...a),
    ...scheduleSlice(bridge)(...a),
  });
