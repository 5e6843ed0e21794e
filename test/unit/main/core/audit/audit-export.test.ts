import { describe, expect, it } from 'vitest';
import { formatAudit } from '../../../../../src-main/core/audit/audit-export';
import { auditEntry as entry } from './audit-fixture';

describe('audit export', () => {
  it('writes CSV with a header, one quoted row per entry, and JSON that reads back', () => {
    const entries = [entry(1), { ...entry(2), outcome: 'error' as const, errorCode: 'rig-error', errorMessage: 'camera busy, "copying"' }];
    const csv = formatAudit(entries, 'csv');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('time,rig_id,rig_name,method,endpoint,arguments,outcome,error_code,error_message,duration_ms');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(`${entries[0]!.at},rig-0,Name of rig-0,POST,recording/start,"{""filename"":""run-1""}",ok,,,12.5`);
    expect(rows[2]).toContain(',error,rig-error,"camera busy, ""copying""",12.5');
    expect(JSON.parse(formatAudit(entries, 'json'))).toEqual(entries);
  });

  it('keeps spreadsheet formulas inert', () => {
    const csv = formatAudit([{ ...entry(1), rigName: '=HYPERLINK("x")' }], 'csv');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

