import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv({ copySeconds: 4 });
});
test.afterAll(async () => {
  await env?.stop();
});

test('a short recording is listed, copied with progress to done, and marked copied', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  // The scene: one finished 1 s recording on FAKE0, made on the rig directly.
  await env.client(0).call('camera/FAKE0/recording/start', { duration: 1, filename: 'e2e_trial' });
  await expect.poll(() => rig.state.recordings.length, { timeout: 10_000 }).toBe(1);

  await openRigTab(page, env, 0, 'Recordings');
  const table = page.getByRole('table', { name: 'Recordings' });
  const row = table.getByRole('row').filter({ hasText: 'e2e_trial' });
  await expect(row).toContainText('FAKE0');
  await expect(row).not.toContainText('copied');

  await page.getByRole('button', { name: 'Copy recordings' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('copy started');
  await expect(page.getByRole('progressbar', { name: /Camera FAKE0: copying/ })).toBeVisible({ timeout: 15_000 });
  await screenshot(page, 'recordings-copying');
  await expect(page.getByTestId('job-finished').filter({ hasText: 'Camera FAKE0' })).toHaveText('Camera FAKE0: copy done', { timeout: 20_000 });
  await expect(row).toContainText('copied');
  expect(rig.state.recordings[0]!.copied).toBe(true);
  await screenshot(page, 'recordings-panel');
});

test('move asks before deleting the originals', async ({ page }) => {
  await openRigTab(page, env, 0, 'Recordings');
  await page.getByRole('checkbox', { name: /Move/ }).check();
  await page.getByRole('button', { name: 'Move recordings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move recordings?' });
  await expect(dialog).toContainText('deleted');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(env.fleet.rigs[0]!.events().filter((e) => e.endpoint.endsWith('copy_all') && (e.args as { delete_after?: boolean })?.delete_after)).toEqual([]);
});
