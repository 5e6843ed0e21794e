import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});

const ioCalls = (endpoint: string) => env.fleet.rigs[0]!.events().filter((e) => e.kind === 'request' && e.endpoint === endpoint);

test('toggle, start high sends value Infinity to the named output', async ({ page }) => {
  await openRigTab(page, env, 0, 'Outputs');
  await expect(page.getByRole('combobox', { name: 'Output name' })).toHaveValue('led');
  await page.getByRole('button', { name: 'Toggle, start high' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('led toggling, started high');
  const calls = ioCalls('io/led/set');
  expect(calls).toHaveLength(1);
  expect((calls[0]!.args as { value: number }).value).toBe(Infinity);

  await page.getByRole('button', { name: 'Toggle, start low' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('led toggling, started low');
  expect((ioCalls('io/led/set')[1]!.args as { value: number }).value).toBe(-Infinity);
  await screenshot(page, 'outputs-panel');
});

test('a level, on and off on one camera, and the output name is remembered', async ({ page }) => {
  await openRigTab(page, env, 0, 'Outputs');
  await page.getByRole('combobox', { name: 'Outputs of' }).click();
  await page.getByRole('option', { name: 'Camera FAKE1' }).click();
  await page.getByRole('combobox', { name: 'Output name' }).fill('ledgreen');
  await page.getByRole('textbox', { name: 'Output value' }).fill('0.25');
  await page.getByRole('button', { name: 'Set value' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('camera FAKE1: ledgreen set to 0.25');
  expect(env.fleet.rigs[0]!.state.cameras.FAKE1!.outputs.ledgreen).toBe(0.25);

  await page.getByRole('button', { name: 'Off (0)' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('ledgreen set to 0');
  expect(env.fleet.rigs[0]!.state.cameras.FAKE1!.outputs.ledgreen).toBe(0);

  // The name typed on this rig is offered first next time.
  await page.reload();
  await page.getByRole('navigation', { name: 'Areas' }).getByText(env.rigNames[0]!, { exact: true }).click();
  await page.getByRole('tab', { name: 'Outputs' }).click();
  await expect(page.getByRole('combobox', { name: 'Output name' })).toHaveValue('ledgreen');
});

test('io/log entries, inputs as a table, and the deprecated device/port form', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  rig.setInput('FAKE0', 'beam', 1);
  await openRigTab(page, env, 0, 'Outputs');

  await page.getByLabel('Log key 1').fill('trial');
  await page.getByLabel('Log value 1').fill('7');
  await page.getByRole('button', { name: 'Write log entry' }).click();
  await expect(page.getByRole('status', { name: 'Result' }).filter({ hasText: 'logged' })).toBeVisible();
  expect(rig.state.cameras.FAKE0!.ioLog.at(-1)?.values).toEqual({ trial: 7 });

  await page.getByRole('button', { name: 'Read inputs' }).click();
  const inputs = page.getByRole('table', { name: 'Inputs' });
  await expect(inputs.getByRole('row').filter({ hasText: 'beam' })).toContainText('1');

  await expect(page.getByRole('button', { name: 'Set device port' })).toBeHidden();
  await page.getByRole('button', { name: 'Advanced (deprecated)' }).click();
  await page.getByLabel('Port').fill('2');
  await page.getByRole('button', { name: 'Set device port' }).click();
  await expect(page.getByRole('status', { name: 'Result' }).last()).toContainText('done');
  expect(ioCalls('io/-1/2/set').map((e) => e.args)).toEqual([{ state: 1 }]);
});

test('an output the rig does not report: the buttons are off and say why; nothing is sent', async ({ page }) => {
  await openRigTab(page, env, 0, 'Outputs');
  await page.getByRole('combobox', { name: 'Output name' }).fill('nosuch');
  await expect(page.getByTestId('output-now')).toHaveText('The rig reports no output named nosuch (it has led, ledgreen).');
  const on = page.getByRole('button', { name: 'On (1)' });
  await expect(on).toBeDisabled();
  await expect(on).toHaveAttribute('title', 'The rig reports no output named nosuch: pick one of led, ledgreen.');
  await on.click({ force: true });
  await expect(page.getByRole('list', { name: 'Result' })).toHaveCount(0);
  expect(ioCalls('io/nosuch/set')).toHaveLength(0);
});
