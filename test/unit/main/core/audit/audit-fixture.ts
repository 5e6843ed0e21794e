import type { AuditEntry } from '../../../../../src-main/contract/requests/audit';

/** A successful recording/start line of the audit log, the i-th second after noon. */
export function auditEntry(i: number, rigId = 'rig-0', atMs = Date.UTC(2026, 0, 1, 12, 0, i)): AuditEntry {
  return {
    at: new Date(atMs).toISOString(),
    rigId,
    rigName: `Name of ${rigId}`,
    endpoint: 'recording/start',
    method: 'POST',
    args: { filename: `run-${i}` },
    words: 'Start recording on all cameras',
    outcome: 'ok',
    errorCode: null,
    errorMessage: null,
    durationMs: 12.5,
  };
}
