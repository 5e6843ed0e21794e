/** Queues <count> changes for an offline rig in the outbox of <configDir>, as motifctl would; prints what it did. */
import { Outbox } from '../../../../src-main/core/outbox/outbox';
import { waitUntil } from '../run-child';

const [configDir, prefix, count, startAt] = process.argv.slice(2) as [string, string, string, string];
const outbox = new Outbox({
  configDir,
  clientFor: () => Promise.reject(new Error('offline')),
  rigName: () => 'Rig 0',
  rigState: () => 'offline',
});
await waitUntil(Number(startAt));
let queued = 0;
const errors: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const r = await outbox.submitChange('rig-0', 'schedule/recording/start', { task_name: `${prefix}-${i}`, cron_expression: '0 0 12 * * *' });
  if (r.ok && r.value.outcome === 'queued') queued++;
  else errors.push(r.ok ? 'sent' : r.error.message);
}
await outbox.close();
process.stdout.write(`${JSON.stringify({ queued, errors })}\n`);
