import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addArenasThroughUi, rigCard, startFleet, startFreshApp } from './app-fixture';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

let fleet: Awaited<ReturnType<typeof startFleet>>;
let app: Awaited<ReturnType<typeof startFreshApp>>;

test.beforeEach(async ({ page }) => {
  [fleet, app] = await Promise.all([startFleet(2), startFreshApp()]);
  await page.goto(app.url);
  await addArenasThroughUi(page, fleet, [['lab-1'], ['lab-2']]);
  for (const name of ['Arena A', 'Arena B']) await expect(rigCard(page, name).getByTestId('rig-state')).toHaveText('online');
});
test.afterEach(async () => {
  await Promise.all([app.stop(), fleet.stop()]);
});

test('the dashboard lists every rig with state, version, clock and cameras; light and dark themes', async ({ page }) => {
  const card = rigCard(page, 'Arena A');
  await expect(card.getByTestId('camera-row')).toHaveCount(2);
  await expect(card).toContainText('Motif');
  await expect(card).toContainText('clock');
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByText('Outbox')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByText('Audit log')).toBeVisible();

  // The theme toggle switches and the choice survives a reload.
  await page.getByRole('button', { name: 'Switch to light theme' }).or(page.getByRole('button', { name: 'Switch to dark theme' })).click();
  const setTo = async (scheme: 'light' | 'dark') => {
    const toggle = page.getByRole('button', { name: `Switch to ${scheme} theme` });
    if (await toggle.isVisible()) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    // Away from the toggle, so its tooltip is not in the screenshot.
    await page.mouse.move(640, 700);
  };
  await setTo('light');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: `${shots}/dashboard-light.png` });
  await setTo('dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(rigCard(page, 'Arena A').getByTestId('rig-state')).toHaveText('online');
  await page.screenshot({ path: `${shots}/dashboard-dark.png` });
});

test('filter by tag shows only the rigs with that tag', async ({ page }) => {
  await page.getByLabel('Filter by tag').first().click();
  await page.getByRole('option', { name: 'lab-2' }).click();
  await page.keyboard.press('Escape');
  await expect(rigCard(page, 'Arena B')).toBeVisible();
  await expect(rigCard(page, 'Arena A')).toHaveCount(0);
});

test('a rig that goes offline is shown offline and stale with its last-seen time, and comes back', async ({ page }) => {
  await fleet.rigs[1]!.goOffline();
  const card = rigCard(page, 'Arena B');
  await expect(card.getByTestId('rig-state')).toHaveText('offline', { timeout: 20_000 });
  await expect(card.getByTestId('rig-stale')).toBeVisible();
  await expect(card.getByTestId('last-seen')).toContainText('last seen');
  // The other rig is not affected.
  await expect(rigCard(page, 'Arena A').getByTestId('rig-state')).toHaveText('online');
  await fleet.rigs[1]!.comeBack();
  await expect(card.getByTestId('rig-state')).toHaveText('online', { timeout: 30_000 });
  await expect(card.getByTestId('rig-stale')).toHaveCount(0);
});

test('the compact rows layout lists the same rigs', async ({ page }) => {
  await page.getByText('Rows', { exact: true }).click();
  await expect(page.getByTestId('rig-row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Rigs' })).toContainText('Arena B');
});
