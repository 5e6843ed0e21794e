// The README's picture of the timeline: the three example protocols applied to simulated rigs
// (plus a task of a rig's own), shown by the dashboard's timeline in browser mode, screenshot
// with Debian's Chromium. Run inside a keyring session:
//   bash scripts/with-keyring.sh npx tsx scripts/timeline-picture.ts   -> docs/screenshots/timeline.png
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createAppCore } from '../src-main/core/app-core';
import { startBrowserServer } from '../src-main/core/browser-mode/server';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots/timeline.png');

const core = createAppCore({ transport: 'browser', configDir: mkdtempSync(path.join(tmpdir(), 'motif-timeline-')) });
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
must(await core.call('demo.start', { count: 4 }));
const rigs = core.registry.list();
// A rig just added may not have its key stored yet: go on once every rig answers.
for (let waited = 0; waited < 30_000; waited += 500) {
  const statuses = await core.call('status.refresh', {});
  if (statuses.ok && rigs.every((rig) => statuses.value.find((s) => s.rigId === rig.id)?.state === 'online')) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
// Rig 1 and 2 carry the hourly stimulus, rig 3 the copies and the pulses; rig 4 only a task of its own.
// The simulator's outputs are led and ledgreen: the pulses' parameters name them.
const plan: [string, number[], Record<string, string>][] = [
  ['hourly-stimulus', [0, 1], {}], ['twice-daily-copy', [2], {}], ['minute-one-pulses', [2], { light: 'led', buzzer: 'ledgreen' }],
];
for (const [name, which, params] of plan) {
  must(await core.call('protocols.import', { text: readFileSync(path.join(root, 'examples/protocols', `${name}.json`), 'utf8'), replace: true }));
  for (const o of must(await core.call('protocols.apply', { ref: { name }, rigs: which.map((i) => ({ rigId: rigs[i]!.id, params })), replace: true }))) {
    if (!o.ok) throw new Error(`${o.rigName}: ${o.error?.message ?? 'not applied'}`);
  }
}
must(await core.call('schedule.add', {
  targets: [{ rigId: rigs[3]!.id }], taskName: 'night-lights', cronExpression: '0 0 20 * * *',
  operation: { kind: 'outputs.set', name: 'led', value: 1 },
}));

const server = await startBrowserServer({ core, staticDir: path.join(root, 'dist/renderer'), port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });
  await page.goto(server.url);
  await page.getByRole('switch', { name: 'Timeline' }).check();
  await page.getByTestId('timeline-summary-row').nth(rigs.length - 1).waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('dashboard-timeline').locator('.mantine-Loader-root').waitFor({ state: 'detached' });
  const canvas = page.getByTestId('timeline-canvas');
  const box = await canvas.boundingBox();
  if (box) await page.mouse.move(box.x + box.width * 0.45, box.y + 30 + 14);
  await page.waitForTimeout(300);
  await page.getByTestId('dashboard-timeline').screenshot({ path: out });
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  await server.close();
  await core.close();
}
