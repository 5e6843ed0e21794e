import type { MotifBridge } from '../../src-main/contract/bridge';
import { auditSlice, type AuditSlice } from '../features/audit/audit-slice';
import { outboxSlice, type OutboxSlice } from '../features/outbox/outbox-slice';
import { outputsSlice, type OutputsSlice } from '../features/outputs/outputs-slice';
import { recordingsSlice, type RecordingsSlice } from '../features/recordings/recordings-slice';
import { scheduleSlice, type ScheduleSlice } from '../features/schedule/schedule-slice';
import type { AppSlice } from './app-store';

/**
 * The state behind a rig's detail panels and the Outbox and Audit views, composed once.
 * Their one-shot commands (camera parameters, multicam, transfers, I/O...) keep no state
 * here: the panels send them by name with `useCall`.
 */
export type PanelSlices = RecordingsSlice & OutputsSlice & ScheduleSlice & OutboxSlice & AuditSlice;

export const panelSlices =
  (bridge: MotifBridge): AppSlice<PanelSlices> =>
  (...a) => ({
    ...recordingsSlice(bridge)(...a),
    ...outputsSlice(bridge)(...a),
    ...scheduleSlice(bridge)(...a),
    ...outboxSlice(bridge)(...a),
    ...auditSlice(bridge)(...a),
  });
