import type { MotifBridge } from '../../src-main/contract/bridge';
import { auditSlice, type AuditSlice } from '../features/audit/audit-slice';
import { camerasSlice, type CamerasSlice } from '../features/cameras/cameras-slice';
import { multicamSlice, type MulticamSlice } from '../features/multicam/multicam-slice';
import { outboxSlice, type OutboxSlice } from '../features/outbox/outbox-slice';
import { outputsSlice, type OutputsSlice } from '../features/outputs/outputs-slice';
import { recordingsSlice, type RecordingsSlice } from '../features/recordings/recordings-slice';
import { scheduleSlice, type ScheduleSlice } from '../features/schedule/schedule-slice';
import type { AppSlice } from './app-store';

/** The slices behind a rig's detail panels and the Outbox and Audit views, composed once. */
export type PanelSlices = CamerasSlice & RecordingsSlice & OutputsSlice & ScheduleSlice & MulticamSlice & OutboxSlice & AuditSlice;

export const panelSlices =
  (bridge: MotifBridge): AppSlice<PanelSlices> =>
  (...a) => ({
    ...camerasSlice(bridge)(...a),
    ...recordingsSlice(bridge)(...a),
    ...outputsSlice(bridge)(...a),
    ...scheduleSlice(bridge)(...a),
    ...multicamSlice(bridge)(...a),
    ...outboxSlice(bridge)(...a),
    ...auditSlice(bridge)(...a),
  });
