// Browser mode with many simulated rigs in a throwaway config folder: see how the window
// copes with a lab's whole fleet. Each rig is tagged with a room (room-a..room-d); the
// last rigs can be made offline (simulator stopped) or a problem (key removed), the first
// ones recording.
//   npx tsx scripts/fleet.ts --rigs 40 [--recording 5] [--offline 3] [--problems 1] [--port N]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppCore } from '../src-main/core/app-core';
import { startBrowserServer } from '../src-main/core/browser-mode/server';

const { values } = parseArgs({
  options: {
    rigs: { type: 'string', default: '40' },
    recording: { type: 'string', default: '0' },
    offline: { type: 'string', default: '0' },
    problems: { type: 'string', default: '0' },
    port: { type: 'string', default: '0' },
  },
});
const count = Number(values.rigs);
if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error('--rigs must be a whole number from 1 to 200');
const wholeUpTo = (name: 'recording' | 'offline' | 'problems') => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0 || n > count) throw new Error(`--${name} must be a whole number from 0 to ${count}`);
  return n;
};
const [recording, offline, problems] = [wholeUpTo('recording'), wholeUpTo('offline'), wholeUpTo('problems')];
if (recording + offline + problems > count) throw new Error('--recording, --offline and --problems together must not exceed --rigs');
const configDir = mkdtempSync(path.join(tmpdir(), 'motif-fleet-'));
const core = createAppCore({ transport: 'browser', configDir });
for (let added = 0; added < count; ) {
  const batch = Math.min(8, count - added); // demo.start adds at most 8 at a time
  const r = await core.call('demo.start', { count: batch });
  if (!r.ok) throw new Error(r.error.message);
  added += batch;
}
const rigs = core.registry.list();
for (const [i, rig] of rigs.entries()) core.registry.update(rig.id, { tags: [...rig.tags, `room-${'abcd'[i % 4]}`] });
const last = rigs.slice(count - offline - problems);
for (const rig of last.slice(0, offline)) await core.simulated.forget(rig.id);
for (const rig of last.slice(offline)) await core.simulated.removeKey(rig.id);
if (recording > 0) {
  // The first polls of a rig just added may have found no key yet: start once the rigs answer.
  const first = rigs.slice(0, recording).map((rig) => rig.id);
  for (let waited = 0; waited < 30_000; waited += 500) {
    const statuses = await core.call('status.refresh', {});
    if (statuses.ok && first.every((id) => statuses.value.find((s) => s.rigId === id)?.state === 'online')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const r = await core.call('recording.start', { targets: rigs.slice(0, recording).map((rig) => ({ rigId: rig.id })), options: { filename: 'fleet' } });
  if (!r.ok) throw new Error(r.error.message);
  for (const o of r.value) if (!o.ok) console.error(`${o.rigName}: recording did not start: ${o.error.message}`);
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
