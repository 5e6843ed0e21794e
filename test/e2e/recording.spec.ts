import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { urlPathFor } from '../../src-main/core/motif-api/operation-paths';
import { rawRequest } from '../unit/main/sim/sim-test-client';
import { addArenasThroughUi, rigCard, startFleet, startFreshApp } from './app-fixture';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

let fleet: Awaited<ReturnType<typeof startFleet>>;
let app: Awaited<ReturnType<typeof startFreshApp>>;

test.beforeEach(async ({ page }) => {
  [fleet, app] = await Promise.all([startFleet(2), startFreshApp()]);
  await page.goto(app.url);
  await addArenasThroughUi(page, fleet);
  for (const name of ['Arena A', 'Arena B']) await expect(rigCard(page, name).getByTestId('rig-state')).toHaveText('online');
});
test.afterEach(async () => {
  await Promise.all([app.stop(), fleet.stop()]);
});

const cameraStates = (page: Page, rig: string) => rigCard(page, rig).getByTestId('camera-row');

test('records on both rigs at once from the selection, shows state and ticking elapsed time, and stops after confirming', async ({ page }) => {
  await page.getByRole('checkbox', { name: 'Select rig Arena A' }).check();
  await page.getByRole('checkbox', { name: 'Select rig Arena B' }).check();
  await expect(page.getByTestId('selection-summary')).toHaveText('2 rigs, 4 cameras selected; 0 recording');
  await page.getByRole('button', { name: 'Record selected…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  // The codecs the rigs report, common to both, picked from a list.
  await expect(dialog.getByText('The codecs all 2 rigs have.')).toBeVisible();
  await dialog.getByLabel('Codec', { exact: true }).click();
  await expect(page.getByRole('option')).toHaveText(['high', 'low', 'h264']);
  await page.getByRole('option', { name: 'high' }).click();
  await dialog.getByLabel('Duration', { exact: true }).fill('600');
  await expect(dialog.getByText('"600" has no unit: write 600 s, 600 min or 600 h.')).toBeVisible();
  await dialog.getByLabel('Duration', { exact: true }).fill('10 min');
  await expect(dialog.getByText('= 10:00')).toBeVisible();
  await dialog.getByLabel('File name', { exact: true }).fill('trial_{date}');
  await expect(dialog.getByText(/Motif adds the date and time to every file name itself/)).toBeVisible();
  await dialog.getByLabel('File name', { exact: true }).fill('runs/trial');
  await expect(dialog.getByText(/A file name cannot hold "\/" or "\\"/)).toBeVisible();
  await dialog.getByLabel('File name', { exact: true }).fill('trial');
  await dialog.getByRole('button', { name: 'Add metadata field' }).click();
  await dialog.getByLabel('Metadata name 1').fill('animal');
  await dialog.getByLabel('Metadata value 1').fill('m1');
  await dialog.getByRole('button', { name: 'Add metadata field' }).click();
  await dialog.getByLabel('Metadata name 2').fill('trial');
  await dialog.getByRole('textbox', { name: 'Metadata type 2' }).or(dialog.getByRole('combobox', { name: 'Metadata type 2' })).first().click();
  await page.getByRole('option', { name: 'number' }).click();
  await dialog.getByLabel('Metadata value 2').fill('3');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/record-dialog.png` });
  await dialog.getByRole('button', { name: 'Start recording' }).click();

  const results = dialog.getByRole('list', { name: 'Start results' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results).toContainText('Arena A · all cameras: done');
  await expect(results).toContainText('Arena B · all cameras: done');
  await dialog.getByRole('button', { name: 'Close' }).click();

  for (const rig of ['Arena A', 'Arena B']) {
    await expect(cameraStates(page, rig).and(page.locator('[data-camera-state="recording"]'))).toHaveCount(2);
  }
  // The simulator got the typed metadata.
  const start = fleet.rigs[0]!.events().find((e) => e.kind === 'request' && e.endpoint.endsWith('recording/start'));
  expect(start?.args).toMatchObject({ codec: 'high', duration: 600, filename: 'trial', metadata: { animal: 'm1', trial: 3 } });
  expect(fleet.rigs[0]!.state.cameras.FAKE0?.recording?.codec).toBe('high');
  // One timestamp in the file name: the one Motif adds.
  expect(fleet.rigs[0]!.state.cameras.FAKE0?.recording?.filename).toMatch(/^trial_FAKE0_\d{8}_\d{6}\.mp4$/);

  const elapsed = rigCard(page, 'Arena A').getByTestId('elapsed').first();
  await expect(elapsed).toContainText('elapsed 0:0');
  const first = await elapsed.textContent();
  await expect(elapsed).not.toHaveText(first ?? '', { timeout: 5000 });
  await expect(rigCard(page, 'Arena A').getByTestId('remaining').first()).toContainText('left');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/dashboard-recording.png` });

  await page.getByRole('button', { name: 'Stop selected…' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop recording' });
  await expect(stop).toContainText('These 4 recordings are running');
  await stop.getByRole('button', { name: 'Stop 4 recordings' }).click();
  await expect(stop.getByRole('list', { name: 'Stop results' })).toContainText('Arena B · all cameras: done');
  await stop.getByRole('button', { name: 'Close' }).click();
  for (const rig of ['Arena A', 'Arena B']) {
    await expect(cameraStates(page, rig).and(page.locator('[data-camera-state="idle"]'))).toHaveCount(2);
  }
});

test('records on one camera of one rig only', async ({ page }) => {
  await page.getByRole('checkbox', { name: 'Select camera FAKE3 of Arena B' }).check();
  await page.getByRole('button', { name: 'Record selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  await expect(dialog.getByRole('list', { name: 'Start results' })).toContainText('Arena B · camera FAKE3: done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rigCard(page, 'Arena B').locator('[data-serial="FAKE3"]')).toHaveAttribute('data-camera-state', 'recording');
  await expect(rigCard(page, 'Arena B').locator('[data-serial="FAKE2"]')).toHaveAttribute('data-camera-state', 'idle');
  await expect(rigCard(page, 'Arena A').locator('[data-camera-state="recording"]')).toHaveCount(0);
});

test('a failure that answers last is listed first, above the rigs that did what was asked', async ({ page }) => {
  // Arena B, second in the fleet, refuses after a while: its line comes in after Arena A's.
  fleet.rigs[1]!.setFault('latency=1500@^recording/start$');
  fleet.rigs[1]!.setFault('http500=camera busy@^recording/start$');
  await page.getByRole('checkbox', { name: 'Select all 2 shown' }).check();
  await page.getByRole('button', { name: 'Record selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const lines = dialog.getByRole('list', { name: 'Start results' }).getByRole('listitem');
  await expect(lines).toHaveCount(2, { timeout: 30_000 });
  await expect(lines.first()).toHaveAttribute('data-ok', 'false');
  await expect(lines.first()).toContainText('Arena B');
  await expect(lines.last()).toContainText('Arena A · all cameras: done');
});

test('a start that fails on one rig says which, with the reason, and is not retried', async ({ page }) => {
  await fleet.rigs[1]!.goOffline();
  await page.getByRole('checkbox', { name: 'Select all 2 shown' }).check();
  await page.getByRole('button', { name: 'Record selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const results = dialog.getByRole('list', { name: 'Start results' });
  await expect(results).toContainText('Arena A · all cameras: done');
  await expect(results.locator('[data-ok="false"]')).toContainText('Arena B');
  // No button offers to start again: a second start could double a recording.
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toHaveCount(0);
  await fleet.rigs[1]!.comeBack();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rigCard(page, 'Arena B').getByTestId('rig-state')).toHaveText('online', { timeout: 30_000 });
  await expect(rigCard(page, 'Arena B').locator('[data-camera-state="recording"]')).toHaveCount(0);
});

test('a camera that cannot record says why in plain words, naming the rig once', async ({ page }) => {
  const b = fleet.rigs[1]!.info;
  expect((await rawRequest(b, 'POST', urlPathFor('multicam/disconnect_camera/FAKE3'))).status).toBe(200);
  await page.getByRole('checkbox', { name: 'Select camera FAKE3 of Arena B' }).check();
  await page.getByRole('button', { name: 'Record selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const failed = dialog.getByRole('list', { name: 'Start results' }).locator('[data-ok="false"]');
  await expect(failed).toContainText('Arena B · camera FAKE3: The rig at');
  await expect(failed).toContainText('did not start recording on camera FAKE3: camera FAKE3 is disconnected: connect it in Multicam.');
  await expect(failed).not.toContainText('/');
  await expect(failed).not.toContainText('HTTP');
});

test('copying the recordings of the selection shows progress on each camera', async ({ page }) => {
  await rigCard(page, 'Arena A').getByRole('button', { name: 'Record on Arena A' }).click();
  const record = page.getByRole('dialog', { name: 'Start recording' });
  await record.getByLabel('Duration', { exact: true }).fill('1 s');
  await record.getByRole('button', { name: 'Start recording' }).click();
  await record.getByRole('button', { name: 'Close' }).click();
  // The 1-second recordings end by themselves.
  await expect(rigCard(page, 'Arena A').locator('[data-camera-state="idle"]')).toHaveCount(2, { timeout: 15_000 });

  await page.getByRole('checkbox', { name: 'Select rig Arena A' }).check();
  await page.getByRole('button', { name: 'Copy recordings…' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy recordings' });
  await copy.getByRole('button', { name: 'Copy recordings' }).click();
  // The rig took the copy; it is under way, not done.
  await expect(copy.getByRole('list', { name: 'Copy results' })).toContainText('Arena A · all cameras: copy started');
  await expect(copy.getByRole('list', { name: 'Copy results' })).not.toContainText('done');
  await copy.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('progressbar', { name: 'Copy progress of camera FAKE0' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Copy progress of camera FAKE0' })).toHaveCount(0, { timeout: 15_000 });
});
