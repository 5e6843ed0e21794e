// Browser mode with many simulated rigs in a throwaway config folder: see how the window
// copes with a lab's whole fleet.   npx tsx scripts/fleet.ts --rigs 40 [--port N]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore } from '../src-main/core/app-core';
import { startBrowserServer } from '../src-main/core/browser-mode/server';

const { values } = parseArgs({ options: { rigs: { type: 'string', default: '40' }, port: { type: 'string', default: '0' } } });
const count = Number(values.rigs);
if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error('--rigs must be a whole number from 1 to 200');
const configDir = mkdtempSync(path.join(tmpdir(), 'motif-fleet-'));
const core = createAppCore({ transport: 'browser', configDir });
for (let added = 0; added < count; ) {
  const batch = Math.min(8, count - added); // demo.start adds at most 8 at a time
  const r = await core.call('demo.start', { count: batch });
  if (!r.ok) throw new Error(r.error.message);
  added += batch;
}
const server = await startBrowserServer({ core, staticDir: path.resolve('dist/renderer'), port: Number(values.port) });
console.log(`${count} simulated rigs in ${configDir}: open ${server.url}`);
const stop = async () => {
  await server.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
