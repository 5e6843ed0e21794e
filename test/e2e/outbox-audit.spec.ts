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

test('a change made on the rig while the Outbox kept another is held as a conflict, until applied anyway or dropped', async ({ page }) => {
  test.setTimeout(120_000);
  const rig = env.fleet.rigs[0]!;
  const atTheRig = env.client(0); // someone at the rig's own web page, or on another computer
  await atTheRig.call('cameras/configure', { Gain: 0, Gamma: 1 });
  await openRigTab(page, env, 0, 'Cameras');
  // What the window showed before the rig went away is what the changes are based on.
  for (const name of ['Gain', 'Gamma']) {
    await page.getByRole('combobox', { name: 'Parameter name' }).fill(name);
    await page.getByRole('button', { name: 'Read parameter' }).click();
    await expect(page.getByTestId('param-reading')).toContainText(`${name}: `);
  }
  await rig.goOffline();
  for (const [name, value] of [['Gain', '13'], ['Gamma', '3']] as const) {
    await page.getByRole('combobox', { name: 'Parameter name' }).fill(name);
    await page.getByRole('textbox', { name: 'Parameter value' }).fill(value);
    await page.getByRole('button', { name: 'Set parameter' }).click();
    await expect(page.getByRole('status', { name: 'Result' })).toContainText('the change waits in the Outbox');
  }
  // The rig returns and is changed there before the app gets to look at it again.
  rig.setFault('reset@read/');
  await rig.comeBack();
  await atTheRig.call('cameras/configure', { Gain: 10, Gamma: 2 });
  rig.clearFaults();

  await openArea(page, env, 'Outbox');
  const pending = page.getByRole('table', { name: `Pending changes for ${env.rigNames[0]}` });
  const gain = pending.getByRole('row', { name: /^Change camera parameters on all cameras: Gain = 13\b/ });
  await expect(gain.getByText('conflict', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(gain).toContainText(`Gain of all cameras on ${env.rigNames[0]} was set to 10 on the rig while your change to 13 waited (it was 0 when you made it`);
  const gamma = pending.getByRole('row', { name: /^Change camera parameters on all cameras: Gamma = 3\b/ });
  await expect(gamma.getByText('conflict', { exact: true })).toBeVisible();
  expect(rig.state.cameras.FAKE0!.params).toMatchObject({ Gain: 10, Gamma: 2 });
  await screenshot(page, 'outbox-conflict');

  await gain.getByRole('button', { name: /^Apply mine anyway:/ }).click();
  await expect(page.getByRole('table', { name: 'Recently applied changes' })).toContainText('Gain = 13', { timeout: 30_000 });
  expect(rig.state.cameras.FAKE0!.params.Gain).toBe(13);
  await gamma.getByRole('button', { name: /^Drop:/ }).click();
  await expect(page.getByTestId('outbox-empty')).toBeVisible({ timeout: 30_000 });
  expect(rig.state.cameras.FAKE0!.params.Gamma).toBe(2);
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
