/** Records <count> commands in the audit log of <configDir> with a tiny rotation size; prints what it did. */
import { AuditLog } from '../../../../src-main/core/audit/audit-log';
import { waitUntil } from '../run-child';

const [configDir, prefix, count, startAt, maxBytes] = process.argv.slice(2) as [string, string, string, string, string];
const errors: string[] = [];
const audit = new AuditLog({ configDir, maxFileBytes: Number(maxBytes), keepFiles: 150, onError: (e) => errors.push(String(e)) });
await waitUntil(Number(startAt));
for (let i = 0; i < Number(count); i++) {
  void audit.record({
    rigId: 'rig-0',
    rigName: 'Rig 0',
    endpoint: 'recording/start',
    method: 'POST',
    args: { filename: `${prefix}-${i}` },
    startedAtMs: Date.now(),
    durationMs: 1,
    error: null,
  });
  if (i % 5 === 4) await audit.flush();
}
await audit.flush();
process.stdout.write(`${JSON.stringify({ recorded: Number(count), errors })}\n`);
