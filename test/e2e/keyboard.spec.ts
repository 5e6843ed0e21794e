import { expect, test } from '@playwright/test';
import { addArenasThroughUi, rigCard, startFleet, startFreshApp } from './app-fixture';

let fleet: Awaited<ReturnType<typeof startFleet>>;
let app: Awaited<ReturnType<typeof startFreshApp>>;

test.beforeEach(async ({ page }) => {
  [fleet, app] = await Promise.all([startFleet(2), startFreshApp()]);
  await page.goto(app.url);
  await addArenasThroughUi(page, fleet, [['lab-1'], ['lab-2']]);
  await expect(rigCard(page, 'Arena B')).toBeVisible();
});
test.afterEach(async () => {
  await Promise.all([app.stop(), fleet.stop()]);
});

test('? lists the shortcuts; Ctrl+K finds a rig by name or tag and runs commands', async ({ page }) => {
  await page.keyboard.press('Shift+?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list.getByRole('row')).toContainText(['Find a rig or a command and run it', 'List the keyboard shortcuts']);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();

  const finder = page.getByRole('dialog', { name: 'Find a rig or a command' });
  const find = finder.getByRole('combobox', { name: 'Find' });
  await page.keyboard.press('Control+K');
  await find.fill('arena b');
  await expect(finder.getByRole('option').first()).toContainText('Arena B');
  await page.keyboard.press('Enter');
  await expect(finder).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Arena B', level: 2 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();

  // A tag finds its rig; the arrows move through the matches.
  await page.keyboard.press('Control+K');
  await find.fill('lab-1');
  await expect(finder.getByRole('option')).toHaveCount(1);
  await expect(finder.getByRole('option', { selected: true })).toContainText('Arena A');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+K');
  await find.fill('schedule arena');
  await expect(finder.getByRole('option', { selected: true })).toHaveText(/Open Schedule of Arena A/);
  await page.keyboard.press('ArrowDown');
  await expect(finder.getByRole('option', { selected: true })).toHaveText(/Open Schedule of Arena B/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Schedule', selected: true })).toBeVisible();

  await page.keyboard.press('Control+K');
  await find.fill('start recording on arena a');
  await page.keyboard.press('Enter');
  const record = page.getByRole('dialog', { name: 'Start recording' });
  await expect(record.getByRole('list', { name: 'Targets' })).toHaveText('Arena A · all cameras');
  await record.getByRole('button', { name: 'Cancel' }).click();

  await page.keyboard.press('Control+K');
  await find.fill('add rig');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Add rig' })).toBeVisible();
});
