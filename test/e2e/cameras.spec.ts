import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});

test('change Gain on one camera and read it back', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  const otherGainBefore = rig.state.cameras.FAKE1!.params.Gain;
  await openRigTab(page, env, 0, 'Cameras');
  await page.getByRole('combobox', { name: 'Camera', exact: true }).click();
  await page.getByRole('option', { name: 'Camera FAKE0' }).click();
  await page.getByRole('button', { name: 'Read current values' }).click();
  const gain = page.getByRole('textbox', { name: 'Gain', exact: true });
  await expect(gain).not.toHaveValue('');
  await gain.fill('7');
  await page.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('camera FAKE0: applied');
  expect(rig.state.cameras.FAKE0!.params.Gain).toBe(7);
  expect(rig.state.cameras.FAKE1!.params.Gain).toBe(otherGainBefore);

  await gain.fill('');
  await page.getByRole('button', { name: 'Read current values' }).click();
  await expect(gain).toHaveValue('7');
  await screenshot(page, 'cameras-panel');
});

test('any other parameter by name, on all cameras', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Cameras');
  await page.getByRole('combobox', { name: 'Parameter name' }).fill('BlackLevel');
  await page.getByRole('textbox', { name: 'Parameter value' }).fill('3');
  await page.getByRole('button', { name: 'Set parameter' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('set');
  expect(rig.state.cameras.FAKE0!.params.BlackLevel).toBe(3);
  expect(rig.state.cameras.FAKE1!.params.BlackLevel).toBe(3);
  await page.getByRole('button', { name: 'Read parameter' }).click();
  await expect(page.getByTestId('param-reading')).toContainText('3');
});
