import type { AuditEntry } from '../../contract/requests/audit';
import { toCsv } from './csv';

export type AuditFormat = 'csv' | 'json';

const CSV_HEADER = ['time', 'rig_id', 'rig_name', 'method', 'endpoint', 'arguments', 'outcome', 'error_code', 'error_message', 'duration_ms'];

/** Entries as a CSV sheet (arguments as one JSON cell) or a JSON array. */
export function formatAudit(entries: readonly AuditEntry[], format: AuditFormat): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  return toCsv(
    CSV_HEADER,
    entries.map((e) => [e.at, e.rigId, e.rigName, e.method, e.endpoint, e.args, e.outcome, e.errorCode, e.errorMessage, e.durationMs]),
  );
}
