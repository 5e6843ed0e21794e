import { expect, test, type Page } from '@playwright/test';
import { screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

// Six rigs, three tagged room-a and three room-b, two cameras each.
test.describe.configure({ timeout: 120_000 });
let env: PanelsEnv;
test.beforeAll(async () => {
  test.setTimeout(180_000); // each rig is added by its own motifctl process
  env = await startPanelsEnv({ rigs: 6, copySeconds: 5, tags: (i) => [i < 3 ? 'room-a' : 'room-b'] });
});
test.afterAll(async () => {
  await env?.stop();
});

const summary = (page: Page) => page.getByTestId('fleet-summary');
const tiles = (page: Page) => page.getByTestId('rig-tile');
const tileLabels = async (page: Page) => Promise.all((await tiles(page).all()).map((t) => t.getAttribute('aria-label')));
/** Each simulated rig has two cameras of its own serials (FAKE0/FAKE1, FAKE2/FAKE3, ...). */
const serials = (i: number) => Object.keys(env.fleet.rigs[i]!.state.cameras);
const cameraCell = (serial: string, state: string) => new RegExp(`\\(${serial}\\): ${state}$`);
const showLayout = (page: Page, layout: 'Cards' | 'Rows' | 'Dense') => page.getByText(layout, { exact: true }).click();

test('the summary counts the fleet and filters it; the dense view shows every camera; search, sort and layout are kept for the session', async ({ page }) => {
  await env.client(3).call('recording/start', { filename: 'fleet_a' });
  await env.fleet.rigs[0]!.goOffline();
  try {
    await page.goto(env.app.url);
    await showLayout(page, 'Dense');
    await expect(summary(page).getByRole('button', { name: '1 offline' })).toBeVisible({ timeout: 20_000 });
    await expect(summary(page)).toContainText('6 rigs:');
    await expect(summary(page).getByRole('button', { name: '5 online' })).toBeVisible();
    await expect(summary(page).getByRole('button', { name: '1 recording' })).toBeVisible();
    await expect(summary(page).getByRole('button', { name: '0 problems' })).toBeVisible();

    // Every camera's state at a glance, with its name for assistive technology.
    const recordingTile = tiles(page).filter({ has: page.getByRole('button', { name: 'Panel rig 4' }) });
    for (const serial of serials(3)) await expect(recordingTile.getByRole('listitem', { name: cameraCell(serial, 'recording') })).toBeVisible();
    const idleTile = tiles(page).filter({ has: page.getByRole('button', { name: 'Panel rig 2' }) });
    for (const serial of serials(1)) await expect(idleTile.getByRole('listitem', { name: cameraCell(serial, 'idle') })).toBeVisible();
    await expect(tiles(page).first()).toHaveAttribute('aria-label', 'Rig Panel rig 1: offline');

    // A count filters; pressed again, all rigs are back.
    await summary(page).getByRole('button', { name: '1 recording' }).click();
    await expect.poll(() => tileLabels(page)).toEqual(['Rig Panel rig 4: online']);
    await summary(page).getByRole('button', { name: '1 recording' }).click();
    await expect(tiles(page)).toHaveCount(6);
    await summary(page).getByRole('button', { name: '1 offline' }).click();
    await expect.poll(() => tileLabels(page)).toEqual(['Rig Panel rig 1: offline']);
    await summary(page).getByRole('button', { name: '1 offline' }).click();

    // By state: problems, recording, online, offline; by name otherwise.
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'State (problems first)' }).click();
    await expect.poll(() => tileLabels(page)).toEqual([
      'Rig Panel rig 4: online',
      'Rig Panel rig 2: online',
      'Rig Panel rig 3: online',
      'Rig Panel rig 5: online',
      'Rig Panel rig 6: online',
      'Rig Panel rig 1: offline',
    ]);

    // Search by tag and by name.
    await page.getByRole('searchbox', { name: 'Search' }).fill('room-b');
    await expect.poll(() => tileLabels(page)).toEqual(['Rig Panel rig 4: online', 'Rig Panel rig 5: online', 'Rig Panel rig 6: online']);
    await screenshot(page, 'fleet-dense-search');
    await page.getByRole('searchbox', { name: 'Search' }).fill('rig 2');
    await expect.poll(() => tileLabels(page)).toEqual(['Rig Panel rig 2: online']);
    await page.getByRole('searchbox', { name: 'Search' }).fill('nothing like it');
    await expect(page.getByTestId('nothing-shown')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('room-b');

    // Kept across a reload of the window (the same session).
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('room-b');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('State (problems first)');
    await expect(tiles(page)).toHaveCount(3);
  } finally {
    await env.client(3).call('recording/stop', {});
    await env.fleet.rigs[0]!.comeBack();
  }
});

test('actions across the selection: counted not listed, outputs, camera parameters, start skipping running recordings, one task everywhere without replacing a taken name', async ({ page }) => {
  await env.client(1).call('recording/start', { filename: 'keep_me' });
  const keptFile = () => env.fleet.rigs[1]!.state.cameras[serials(1)[0]!]?.recording?.filename;
  await expect.poll(keptFile).toContain('keep_me');
  await env.client(2).call('schedule/recording/start', { task_name: 'pulse', cron_expression: '0 0 3 * * *' });
  try {
    await page.goto(env.app.url);
    await expect(summary(page).getByRole('button', { name: '6 online' })).toBeVisible({ timeout: 20_000 });
    await expect(summary(page).getByRole('button', { name: '1 recording' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Select all 6 shown' }).check();
    await expect(page.getByTestId('selection-summary')).toHaveText('6 rigs, 12 cameras selected; 2 recording');

    // An output on every selected rig, one result line each.
    await page.getByRole('button', { name: 'Set output…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Set an output on the selection' });
    await expect(dialog.getByTestId('action-targets')).toHaveText('6 rigs, 12 cameras selected; 2 recording');
    await dialog.getByRole('combobox', { name: 'Set to' }).click();
    await page.getByRole('option', { name: 'On (1)' }).click();
    await dialog.getByRole('button', { name: 'Apply to all selected' }).click();
    const outputResults = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await expect(outputResults).toHaveCount(6, { timeout: 30_000 });
    await expect(outputResults.and(page.locator('[data-ok="true"]'))).toHaveCount(6);
    for (const rig of env.fleet.rigs) expect(Object.values(rig.state.cameras).some((c) => c.outputs.led === 1)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A camera parameter on every selected rig.
    await page.getByRole('button', { name: 'Camera parameter…' }).click();
    dialog = page.getByRole('dialog', { name: 'Change a camera parameter on the selection' });
    await dialog.getByRole('textbox', { name: 'New value' }).fill('5000');
    await dialog.getByRole('button', { name: 'Apply to all selected' }).click();
    await expect(dialog.getByRole('list', { name: 'Results' }).locator('[data-ok="true"]')).toHaveCount(6, { timeout: 30_000 });
    for (const rig of env.fleet.rigs) for (const camera of Object.values(rig.state.cameras)) expect(camera.params.ExposureTime).toBe(5000);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Starting the selection leaves the running recording alone and says so.
    await page.getByRole('button', { name: 'Record selected…' }).click();
    dialog = page.getByRole('dialog', { name: 'Start recording' });
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    const startResults = dialog.getByRole('list', { name: 'Start results' });
    await expect(startResults.getByRole('listitem')).toHaveCount(6, { timeout: 30_000 });
    await expect(startResults.locator('[data-skipped="true"]')).toContainText('Panel rig 2 · all cameras: already recording, not restarted');
    await expect(startResults.locator('[data-ok="true"]')).toHaveCount(5);
    expect(keptFile()).toContain('keep_me');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // One task on every rig; the rig that has a task of that name keeps it until Replace is pressed.
    await page.getByRole('button', { name: 'Schedule task…' }).click();
    dialog = page.getByRole('dialog', { name: 'Schedule a task on the selection' });
    await dialog.getByLabel('Task name').fill('pulse');
    await dialog.getByLabel('Cron expression').fill('0 0 12 * * *');
    await dialog.getByRole('button', { name: 'Schedule task' }).click();
    // One line per rig, an alert while a rig refused.
    const lines = dialog.getByLabel('Result', { exact: true }).locator('[data-outcome]');
    await expect(lines).toHaveCount(6, { timeout: 30_000 });
    await expect(lines.and(page.locator('[data-outcome="already-exists"]'))).toHaveCount(1);
    await expect(lines.and(page.locator('[data-outcome="already-exists"]'))).toContainText('Panel rig 3');
    await expect(lines.and(page.locator('[data-outcome="sent"]'))).toHaveCount(5);
    const taskOn = (i: number) => env.fleet.rigs[i]!.state.tasks.find((t) => t.name === 'pulse');
    expect(taskOn(2)?.endpoint).toBe('recording/start');
    expect(taskOn(0)?.endpoint).toContain('io/led/set');
    await screenshot(page, 'fleet-schedule-taken');
    await dialog.getByRole('button', { name: 'Replace task' }).click();
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toHaveAttribute('data-outcome', 'sent');
    expect(taskOn(2)?.endpoint).toContain('io/led/set');
  } finally {
    for (const i of env.fleet.rigs.keys()) {
      await env.client(i).call('recording/stop', {});
      await env.client(i).call('schedule/clear', {});
    }
  }
});

test('copy progress shows in the Rows view, as on the Recordings tab', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  const before = rig.state.recordings.length;
  await env.client(0).call('camera/FAKE0/recording/start', { duration: 1, filename: 'fleet_copy' });
  await expect.poll(() => rig.state.recordings.length, { timeout: 10_000 }).toBe(before + 1);
  await page.goto(env.app.url);
  await showLayout(page, 'Rows');
  await env.client(0).call('camera/FAKE0/recordings/copy_all', {});
  const row = page.getByTestId('rig-row').filter({ hasText: 'Panel rig 1' });
  await expect(row.getByRole('progressbar', { name: /Camera FAKE0: copying/ })).toBeVisible({ timeout: 15_000 });
  await screenshot(page, 'fleet-rows-copying');
  await expect(row.getByTestId('job-finished')).toHaveText('Camera FAKE0: copy done', { timeout: 20_000 });
});

test("at 1280x800 the wall's rig picker is one line and the first screen is cameras", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(env.app.url);
  await expect(summary(page).getByRole('button', { name: '6 online' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Wall of cameras', { exact: true }).click();
  const picker = page.getByTestId('wall-rig-picker');
  await expect(picker).toContainText('+3 more');
  expect((await picker.boundingBox())!.height).toBeLessThanOrEqual(40);
  const wallTiles = page.getByTestId('wall-tile');
  await expect(wallTiles).toHaveCount(12);
  // The first row of cameras is whole on the first screen.
  const first = (await wallTiles.first().boundingBox())!;
  expect(first.y + first.height).toBeLessThanOrEqual(800);
  await screenshot(page, 'camera-wall-1280x800');
});
