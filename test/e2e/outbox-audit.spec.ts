import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openArea, openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});

test("an offline rig's configure change waits in the Outbox and drains when the rig is back", async ({ page }) => {
  test.setTimeout(90_000);
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Cameras');
  await rig.goOffline();
  await page.getByRole('combobox', { name: 'Parameter name' }).fill('Gain');
  await page.getByRole('textbox', { name: 'Parameter value' }).fill('11');
  await page.getByRole('button', { name: 'Set parameter' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('is offline: the change waits in the Outbox');

  await openArea(page, env, 'Outbox');
  const pending = page.getByRole('table', { name: `Pending changes for ${env.rigNames[0]}` });
  const row = pending.getByRole('row').filter({ hasText: 'Change camera parameters on all cameras: Gain = 11' });
  await expect(row).toContainText('waiting for the rig');
  await expect(row.getByRole('button', { name: /^Cancel:/ })).toBeVisible();
  await screenshot(page, 'outbox-view');

  await rig.comeBack();
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Recently applied changes' })).toContainText('Gain = 11');
  expect(rig.state.cameras.FAKE0!.params.Gain).toBe(11);
  expect(rig.state.cameras.FAKE1!.params.Gain).toBe(11);
});

test('a refused change holds back only later changes to the same target, shown as held, until it is cancelled', async ({ page }) => {
  test.setTimeout(90_000);
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Cameras');
  await rig.goOffline();
  for (const [name, value] of [['Gain', '25'], ['Gain', '12'], ['Gamma', '2']] as const) {
    await page.getByRole('combobox', { name: 'Parameter name' }).fill(name);
    await page.getByRole('textbox', { name: 'Parameter value' }).fill(value);
    await page.getByRole('button', { name: 'Set parameter' }).click();
    await expect(page.getByRole('status', { name: 'Result' })).toContainText('the change waits in the Outbox');
  }
  await openArea(page, env, 'Outbox');
  await rig.comeBack();
  const pending = page.getByRole('table', { name: `Pending changes for ${env.rigNames[0]}` });
  // By the row's own change: the held row also names the change it waits behind.
  const refused = pending.getByRole('row', { name: /^Change camera parameters on all cameras: Gain = 25\b/ });
  await expect(refused).toContainText('refused by the rig', { timeout: 60_000 });
  const held = pending.getByRole('row', { name: /^Change camera parameters on all cameras: Gain = 12\b/ });
  await expect(held).toContainText('held');
  await expect(held).toContainText('Waits behind the refused change to the same target');
  await expect(page.getByRole('status').filter({ hasText: 'Queue held: 1 change' })).toBeVisible();
  // The change to another parameter went on.
  await expect(page.getByRole('table', { name: 'Recently applied changes' })).toContainText('Gamma = 2');
  await screenshot(page, 'outbox-held');

  await refused.getByRole('button', { name: /^Cancel:/ }).click();
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 30_000 });
  expect(rig.state.cameras.FAKE0!.params.Gain).toBe(12);
});

test('the audit log lists the commands sent and exports them as CSV', async ({ page }) => {
  // A command to find in the log, sent through the app.
  await openRigTab(page, env, 0, 'Multicam & message');
  await page.getByRole('textbox', { name: 'Message' }).fill('audit me');
  await page.getByRole('button', { name: 'Set message' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('message shown');

  await openArea(page, env, 'Audit log');
  const log = page.getByRole('table', { name: 'Audit log' });
  const entry = log.getByRole('row').filter({ hasText: 'Show message "audit me"' });
  await expect(entry).toContainText(env.rigNames[0]!);
  await expect(entry).toContainText('ok');
  await expect(entry).toContainText(/\d+ ms/);
  await screenshot(page, 'audit-view');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^motif-audit-\d{8}-\d{6}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  expect(header).toMatch(/endpoint/);
  expect(lines.some((l) => l.includes('experiment/message'))).toBe(true);

  // Filtering to a time range before anything was sent empties the table.
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2001-01-01T00:00:00');
  await expect(page.getByTestId('audit-count')).toHaveText('0 commands');
});
