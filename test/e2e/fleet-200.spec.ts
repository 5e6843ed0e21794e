import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSimulatedRigs, type SimFleet } from '../../src-main/sim';
import { startBrowserMode, type RunningApp } from './browser-mode-app';

// A lab's whole fleet: 200 simulated rigs, one camera each, recorded and stopped from the
// selection as a user would. A behaviour check: every rig answers, each result line comes
// as its rig answers, and every rig is shown recording, then idle. (Speed: bench/fleet.ts.)
const RIGS = 200;
test.describe.configure({ timeout: 240_000 });
let fleet: SimFleet;
let app: RunningApp;
let configDir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-e2e-fleet-sim-'));
  fleet = await startSimulatedRigs({ rigs: RIGS, cameras: 1, port: 0, streams: false, dataDir });
  configDir = mkdtempSync(join(tmpdir(), 'motif-e2e-fleet-config-'));
  const seeds = fleet.rigs.map((rig, i) => ({
    name: `Lab rig ${String(i + 1).padStart(3, '0')}`,
    host: rig.info.host,
    port: rig.info.port,
    fingerprint: rig.info.fingerprint256,
    apiKey: rig.info.apiKey,
  }));
  // Its own process: the core reads package.json as a JSON module, which this runner cannot.
  const seeded = spawnSync('npx', ['tsx', 'test/e2e/seed-fleet.ts'], {
    input: JSON.stringify(seeds),
    env: { ...process.env, MOTIF_CONTROL_CONFIG_DIR: configDir },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding the fleet failed: ${seeded.stderr}`);
  app = await startBrowserMode(['--no-open'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
});
test.afterAll(async () => {
  await app?.stop();
  await fleet?.stop();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

test('200 rigs: record all and stop all from the selection, each result as its rig answers, every rig shown recording then idle', async ({ page }) => {
  const summary = page.getByTestId('fleet-summary');
  await page.goto(app.url);
  await expect(summary.getByRole('button', { name: `${RIGS} online` })).toBeVisible({ timeout: 90_000 });
  // Rows, virtualised: the page holds the rows near the screen, not all 200.
  const rendered = await page.getByTestId('rig-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(RIGS);
  // The navigation's rig list too, in its own scrolled area: the last rig is there when scrolled to.
  const nav = page.getByRole('navigation', { name: 'Areas' });
  const navRigs = await nav.locator('[data-index]').count();
  expect(navRigs).toBeGreaterThan(5);
  expect(navRigs).toBeLessThan(RIGS);
  await nav.getByText('Lab rig 001', { exact: true }).hover();
  await page.mouse.wheel(0, 40 * RIGS);
  await expect(nav.getByText(`Lab rig ${RIGS}`, { exact: true })).toBeVisible();
  await page.mouse.wheel(0, -40 * RIGS);

  await page.getByLabel(`Select all ${RIGS} shown`).check();
  await expect(page.getByTestId('selection-summary')).toHaveText(`${RIGS} rigs, ${RIGS} cameras selected; 0 recording`);
  // One slow rig: the others' results show while it has not answered yet.
  fleet.rigs[RIGS - 1]!.setFault('latency=8000@^recording/start$');
  await page.getByRole('button', { name: 'Record selected…' }).click();
  // The dialog names the first targets and counts the rest, rather than 200 chips.
  await expect(page.getByRole('dialog').getByRole('list', { name: 'Targets' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByTestId('targets-more')).toHaveText(`and ${RIGS - 10} more (${RIGS} targets on ${RIGS} rigs)`);
  await page.getByRole('dialog').getByRole('button', { name: 'Start recording' }).click();
  const started = page.getByRole('list', { name: 'Start results' }).getByRole('listitem');
  await expect(started).toHaveCount(RIGS - 1, { timeout: 60_000 });
  await expect(page.getByTestId('outcomes-waiting')).toHaveText(`${RIGS - 1} answered so far; waiting for the others…`);
  await expect(started).toHaveCount(RIGS, { timeout: 60_000 });
  await expect(page.getByTestId('outcomes-waiting')).toHaveCount(0);
  fleet.rigs[RIGS - 1]!.clearFaults();
  await expect(page.locator('[aria-label="Start results"] li[data-ok="true"]')).toHaveCount(RIGS);
  await expect(summary.getByRole('button', { name: `${RIGS} recording` })).toBeVisible({ timeout: 30_000 });
  for (const rig of fleet.rigs) expect(Object.values(rig.state.cameras).every((c) => c.recording !== null)).toBe(true);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Stop selected…' }).click();
  await expect(page.getByRole('dialog')).toContainText(`These ${RIGS} recordings are running and will end now:`);
  await expect(page.getByRole('dialog')).toContainText(`and ${RIGS - 12} more.`);
  await page.getByRole('dialog').getByRole('button', { name: /^Stop \d+ recordings$/ }).click();
  await expect(page.getByRole('list', { name: 'Stop results' }).getByRole('listitem')).toHaveCount(RIGS, { timeout: 60_000 });
  await expect(page.locator('[aria-label="Stop results"] li[data-ok="true"]')).toHaveCount(RIGS);
  await expect(summary.getByRole('button', { name: '0 recording' })).toBeVisible({ timeout: 30_000 });
  for (const rig of fleet.rigs) expect(Object.values(rig.state.cameras).every((c) => c.recording === null)).toBe(true);
});
