import type { AuditEntry } from '../../contract/requests/audit';
import type { Notice } from '../notice-board';

/**
 * An alert as a line of the audit log, beside the commands sent to the rig: its `method` is
 * ALERT (no HTTP call was made), its `endpoint` the kind of condition, its words the message.
 */
export function alertAuditEntry(notice: Notice & { rigId: string }): AuditEntry {
  return {
    at: notice.at,
    rigId: notice.rigId,
    rigName: notice.rigName ?? notice.rigId,
    endpoint: `alert/${notice.episode?.split(':')[0] ?? 'notice'}`,
    method: 'ALERT',
    args: notice.serial !== undefined ? { serial: notice.serial } : {},
    words: `Alert: ${notice.message}${notice.advice ? ` ${notice.advice}` : ''}`,
    outcome: notice.level === 'info' ? 'ok' : 'error',
    errorCode: notice.level === 'info' ? null : `alert-${notice.level}`,
    errorMessage: notice.level === 'info' ? null : notice.message,
    durationMs: 0,
  };
}
