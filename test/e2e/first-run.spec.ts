import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { rigCard, startFreshApp } from './app-fixture';
import { startBrowserMode } from './browser-mode-app';

let app: Awaited<ReturnType<typeof startFreshApp>>;
test.beforeEach(async () => {
  app = await startFreshApp();
});
test.afterEach(async () => {
  await app.stop();
});

test('with no rigs the window offers simulated rigs; they come online, marked simulated, and record', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('rigs-empty')).toHaveText('No rigs configured yet.');
  await page.getByRole('button', { name: 'Try with simulated rigs' }).click();

  const cards = page.getByTestId('rig-card');
  await expect(cards).toHaveCount(2, { timeout: 20_000 });
  for (const card of await cards.all()) {
    await expect(card.getByTestId('simulated-badge')).toHaveText('simulated');
    await expect(card.getByTestId('rig-state')).toHaveText('online', { timeout: 20_000 });
  }
  // The navigation marks them too.
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByText('simulated', { exact: true })).toHaveCount(2);

  // Every feature works without hardware: record on the first simulated rig.
  const first = cards.first();
  const name = (await first.getAttribute('aria-label'))!.replace(/^Rig /, '');
  await first.getByRole('button', { name: `Record on ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Start recording' });
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  await expect(dialog.getByRole('list', { name: 'Start results' })).toContainText(`${name} · all cameras: done`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rigCard(page, name).locator('[data-camera-state="recording"]').first()).toBeVisible();

  // Its detail view opens on the Overview tab with the other areas beside it.
  await rigCard(page, name).getByRole('button', { name: `Open ${name}` }).click();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  for (const tab of ['Cameras', 'Recordings', 'Outputs', 'Schedule', 'Multicam & message']) await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  await expect(page.getByRole('heading', { name })).toBeVisible();
});

test('a corrupt config file is reported in the notices area until dismissed', async ({ page }) => {
  const corrupt = await startFreshAppWithConfig('{ this is not json');
  try {
    await page.goto(corrupt.url);
    const notices = page.getByRole('region', { name: 'Notices' });
    await expect(notices).toContainText('could not be used');
    await expect(notices).toContainText('config.json.corrupt-');
    await notices.getByRole('button', { name: 'Dismiss notice' }).first().click();
    await expect(notices).toHaveCount(0);
    await expect(page.getByTestId('rigs-empty')).toBeVisible();
  } finally {
    await corrupt.stop();
  }
});

/** A fresh app whose config file already holds `text` when it starts. */
async function startFreshAppWithConfig(text: string) {
  const configDir = mkdtempSync(path.join(tmpdir(), 'motif-e2e-corrupt-'));
  writeFileSync(path.join(configDir, 'config.json'), text);
  const running = await startBrowserMode([], { MOTIF_CONTROL_CONFIG_DIR: configDir });
  return {
    ...running,
    stop: async () => {
      await running.stop();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
