import { expect, test, type Page } from '@playwright/test';
import { startBrowserMode, type RunningApp } from './browser-mode-app';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});
test.afterEach(async () => {
  const rig = env.fleet.rigs[0]!;
  rig.setDiskUsedPercent(42);
  await rig.comeBack();
  for (const serial of rig.info.serials) await env.client(0).call(`multicam/connect_camera/${serial}`);
});

const rigCard = (page: Page) => page.getByRole('article', { name: `Rig ${env.rigNames[0]}` });
const cameraRow = (page: Page, serial: string) => rigCard(page).locator(`[data-testid="camera-row"][data-serial="${serial}"]`);

test('a full disk stops a recording: the notices centre says which rig and camera, and why; dismissed, it stays dismissed', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  const serial = rig.info.serials[0]!;
  await page.goto(env.app.url);
  await expect(rigCard(page).getByTestId('disk-use')).toHaveText('disk 42 % full');
  await env.client(0).invoke('recording.start', { serial }, { filename: 'trial-disk', duration: 600 });
  await expect(cameraRow(page, serial)).toHaveAttribute('data-camera-state', 'recording');

  rig.setDiskUsedPercent(95);
  await expect(rigCard(page).getByTestId('disk-use')).toHaveAttribute('data-level', 'full');
  await expect(rigCard(page).getByTestId('disk-use')).toContainText('disk 95 % full: Motif stops recording above 94 %');
  await expect(cameraRow(page, serial)).toHaveAttribute('data-camera-state', 'idle');
  // It needs someone: it pops up where the user is looking, and the summary counts a problem.
  const toast = page.getByTestId('alert-toast').filter({ hasText: 'trial-disk' });
  await expect(toast).toContainText(`Problem: ${env.rigNames[0]} · camera ${serial}`);
  await expect(toast).toContainText('What to do: Copy recordings off the rig');
  await expect(page.getByTestId('fleet-summary').locator('[data-group="problem"]')).toHaveText('1 problem');
  // No recording can start there: Record is off, saying why and what to do.
  const record = rigCard(page).getByRole('button', { name: `Record on ${env.rigNames[0]}` });
  await expect(record).toBeDisabled();
  await expect(record).toHaveAttribute('title', /disk is 95 % full: Motif starts no recording above 94 %\. Copy recordings off/);

  const bell = page.getByRole('button', { name: /^Notices: [1-9]/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const centre = page.getByRole('dialog', { name: 'Notices' });
  const stopped = centre.getByTestId('notice').filter({ hasText: 'trial-disk' });
  await expect(stopped).toContainText(`${env.rigNames[0]} · camera ${serial}`);
  await expect(stopped).toContainText('stopped: disk 95 % full (Motif stops recording above 94 %)');
  await expect(stopped).toContainText('What to do: Copy recordings off the rig');
  await expect(centre.getByTestId('notice').filter({ hasText: 'no recording can start' })).toHaveCount(1);
  await screenshot(page, 'notices-centre');

  await stopped.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(centre.getByTestId('notice').filter({ hasText: 'trial-disk' })).toHaveCount(0);
  await expect(toast).toHaveCount(0);
  // Kept by the core: a reloaded window agrees.
  await page.reload();
  await page.getByRole('button', { name: /^Notices: / }).click();
  await expect(page.getByRole('dialog', { name: 'Notices' }).getByTestId('notice').first()).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Notices' }).getByTestId('notice').filter({ hasText: 'trial-disk' })).toHaveCount(0);
});

test('a disconnected camera reads disconnected, with Connect at hand; disconnecting all while recording asks first', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  const [first, second] = rig.info.serials as [string, string];
  await env.client(0).call(`multicam/disconnect_camera/${second}`);
  await page.goto(env.app.url);
  await expect(cameraRow(page, second)).toHaveAttribute('data-camera-state', 'disconnected');
  await expect(cameraRow(page, second).getByText('disconnected', { exact: true })).toBeVisible();
  await screenshot(page, 'camera-disconnected');
  // The rows view says it too, with the disk use.
  await page.getByText('Rows', { exact: true }).click();
  const row = page.locator(`[data-testid="rig-row"]`).first();
  await expect(row.getByTestId('cameras-disconnected')).toHaveText(' · 1 disconnected');
  await expect(row.getByTestId('disk-use')).toHaveText('disk 42 % full');
  await page.getByText('Cards', { exact: true }).click();
  await cameraRow(page, second).getByRole('button', { name: `Connect camera ${second}` }).click();
  await expect(cameraRow(page, second)).toHaveAttribute('data-camera-state', 'idle');
  expect(rig.events().some((e) => e.kind === 'request' && e.endpoint === `multicam/connect_camera/${second}`)).toBe(true);

  await env.client(0).invoke('recording.start', { serial: first }, { filename: 'trial-multicam' });
  await expect(cameraRow(page, first)).toHaveAttribute('data-camera-state', 'recording');
  await openRigTab(page, env, 0, 'Multicam & message');
  await expect(page.getByText(`${first}: connected`)).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect all', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect while recording?' });
  await expect(confirm).toContainText(`Camera ${first} is recording on ${env.rigNames[0]}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  const disconnectsSent = () => rig.events().filter((e) => e.kind === 'request' && e.endpoint === 'multicam/disconnect_camera/__all').length;
  expect(disconnectsSent()).toBe(0);
  await page.getByRole('button', { name: 'Disconnect all', exact: true }).click();
  await page.getByRole('dialog', { name: 'Disconnect while recording?' }).getByRole('button', { name: 'Disconnect all and stop recording' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('all cameras disconnected');
  expect(disconnectsSent()).toBe(1);
  // With every camera disconnected, Record is off on the dashboard and says why.
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Dashboard', { exact: true }).click();
  const record = rigCard(page).getByRole('button', { name: `Record on ${env.rigNames[0]}` });
  await expect(record).toBeDisabled();
  await expect(record).toHaveAttribute('title', `Every camera of ${env.rigNames[0]} is disconnected: connect them in Multicam first.`);
});

test("an output's current value shows where it is switched", async ({ page }) => {
  await openRigTab(page, env, 0, 'Outputs');
  await expect(page.getByRole('combobox', { name: 'Output name' })).toHaveValue('led');
  await expect(page.getByTestId('output-now')).toHaveText('Now: off (0)');
  await page.getByRole('button', { name: 'On (1)' }).click();
  await expect(page.getByTestId('output-now')).toHaveText('Now: on (1)');
  await page.getByRole('button', { name: 'Toggle, start low' }).click();
  await expect(page.getByTestId('output-now')).toHaveText('Now: off (0), toggling (started from this window)');
  await page.getByRole('button', { name: 'Off (0)' }).click();
  await expect(page.getByTestId('output-now')).toHaveText('Now: off (0)');
});

test('an offline rig offers "retry now", which asks it at once', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await page.goto(env.app.url);
  await expect(rigCard(page).getByTestId('rig-state')).toHaveAttribute('data-state', 'online');
  await rig.goOffline();
  const retry = rigCard(page).getByRole('button', { name: `Retry ${env.rigNames[0]} now` });
  await expect(retry).toBeVisible();
  await rig.comeBack();
  const before = rig.events().length;
  await retry.click();
  await expect(rigCard(page).getByTestId('rig-state')).toHaveAttribute('data-state', 'online');
  expect(rig.events().length).toBeGreaterThan(before);
  await expect(retry).toHaveCount(0);
});

test('an offline rig shows its cameras as last seen, with Record and Stop off saying why; retry is whole', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  const serial = rig.info.serials[0]!;
  await page.goto(env.app.url);
  await env.client(0).invoke('recording.start', { serial }, { filename: 'trial-offline' });
  await expect(cameraRow(page, serial)).toHaveAttribute('data-camera-state', 'recording');
  await rig.goOffline();
  await expect(rigCard(page).getByTestId('rig-state')).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
  await expect(rigCard(page).getByTestId('cameras-last-known')).toHaveText('Cameras as last seen; not confirmed now.');
  await expect(cameraRow(page, serial).getByTestId('camera-state')).toHaveAttribute('data-last-known', 'true');
  await expect(cameraRow(page, serial).getByTestId('elapsed')).toContainText('when last seen');
  const why = `${env.rigNames[0]} is not answering: nothing can be sent to it until it does.`;
  for (const name of [`Record on ${env.rigNames[0]}`, `Stop ${env.rigNames[0]}`]) {
    const button = rigCard(page).getByRole('button', { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', why);
  }
  // Setup stays at hand: the rig may have moved.
  await expect(rigCard(page).getByRole('button', { name: `More actions for ${env.rigNames[0]}` })).toBeEnabled();
  // "retry now" is whole: inside its card, its text not cut.
  const retry = rigCard(page).getByRole('button', { name: `Retry ${env.rigNames[0]} now` });
  const [card, button] = [await rigCard(page).boundingBox(), await retry.boundingBox()];
  expect(button!.x + button!.width).toBeLessThanOrEqual(card!.x + card!.width);
  // Any part of the button narrower than its content is a cut label.
  type Box = { scrollWidth: number; clientWidth: number; querySelectorAll(s: string): ArrayLike<Box> };
  const labelCut = (el: Box) => [el, ...Array.from(el.querySelectorAll('*'))].some((e) => e.scrollWidth > e.clientWidth);
  expect(await retry.evaluate(labelCut)).toBe(false);
  await screenshot(page, 'offline-rig-last-known');
  await page.getByText('Rows', { exact: true }).click();
  const row = page.getByTestId('rig-row');
  await expect(row.getByRole('button', { name: `Record on ${env.rigNames[0]}` })).toHaveAttribute('title', why);
  const [cell, rowRetry] = [await row.getByRole('cell').nth(2).boundingBox(), await row.getByRole('button', { name: `Retry ${env.rigNames[0]} now` }).boundingBox()];
  expect(rowRetry!.x + rowRetry!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
  await expect(row.getByRole('cell').nth(3)).toContainText('1 recording, as last seen');
  await screenshot(page, 'offline-rig-row');
  await page.getByText('Cards', { exact: true }).click();
  await rig.comeBack();
  await expect(rigCard(page).getByTestId('cameras-last-known')).toHaveCount(0, { timeout: 30_000 });
  await env.client(0).invoke('recording.stop', { serial });
});

test("when the app's core goes away every rig reads not confirmed and its actions are disabled, until it is back", async ({ page }) => {
  await page.goto(env.app.url);
  const record = rigCard(page).getByRole('button', { name: `Record on ${env.rigNames[0]}` });
  await expect(record).toBeEnabled();
  await env.app.stop();
  let second: RunningApp | null = null;
  try {
    await expect(rigCard(page).getByTestId('core-away')).toHaveText("not confirmed: Motif Control's core is not answering");
    await expect(rigCard(page).getByTestId('rig-stale')).toBeVisible();
    await expect(record).toBeDisabled();
    await expect(record).toHaveAttribute('title', "not confirmed: Motif Control's core is not answering");
    // The summary line says so too, rather than counts nobody confirms.
    await expect(page.getByTestId('fleet-summary')).toHaveText("1 rig:not confirmed: Motif Control's core is not answering");
    await screenshot(page, 'core-away');
    second = await startBrowserMode(['--port', new URL(env.app.origin).port], { MOTIF_CONTROL_CONFIG_DIR: env.configDir });
    await expect(rigCard(page).getByTestId('core-away')).toHaveCount(0, { timeout: 15_000 });
    await expect(record).toBeEnabled();
    await expect(rigCard(page).getByTestId('rig-state')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('fleet-summary')).toContainText('1 online');
  } finally {
    await second?.stop();
  }
});
