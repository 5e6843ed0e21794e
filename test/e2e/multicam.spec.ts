import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});

const sent = (endpoint: string) => env.fleet.rigs[0]!.events().some((e) => e.kind === 'request' && e.endpoint === endpoint);

test('experiment message set and cleared', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Multicam & message');
  await page.getByRole('textbox', { name: 'Message' }).fill('Trial 4: odour on');
  await page.getByRole('button', { name: 'Set message' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('message shown');
  expect(rig.state.experimentMessage).toBe('Trial 4: odour on');
  await screenshot(page, 'multicam-panel');
  await page.getByRole('button', { name: 'Clear message' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('message cleared');
  expect(rig.state.experimentMessage).toBe('');
});

test('connect one camera, disconnect all, synchronize', async ({ page }) => {
  await openRigTab(page, env, 0, 'Multicam & message');
  await page.getByRole('combobox', { name: 'Camera process' }).click();
  await page.getByRole('option', { name: 'Camera FAKE1' }).click();
  await page.getByRole('button', { name: 'Connect camera', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('camera FAKE1 connected');
  expect(sent('multicam/connect_camera/FAKE1')).toBe(true);

  await page.getByRole('combobox', { name: 'Camera process' }).click();
  await page.getByRole('option', { name: 'All cameras' }).click();
  await page.getByRole('button', { name: 'Disconnect all', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('all cameras disconnected');
  expect(sent('multicam/disconnect_camera/__all')).toBe(true);
  expect(env.fleet.rigs[0]!.state.cameras.FAKE0!.connected).toBe(false);

  await page.getByRole('button', { name: 'Synchronize cameras' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('cameras synchronized');
  expect(sent('multicam/synchronize')).toBe(true);
});
