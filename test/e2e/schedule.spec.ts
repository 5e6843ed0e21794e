import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv();
});
test.afterAll(async () => {
  await env?.stop();
});

test("the rig's clock ticks in the rig's zone", async ({ page }) => {
  await openRigTab(page, env, 0, 'Schedule');
  const clock = page.getByTestId('rig-clock');
  await expect(clock).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first!, { timeout: 3000 });
});

test('a camera-relative toggle task: the editor explains, the task is listed on the rig, then cleared', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Schedule');
  await page.getByLabel('Task name').fill('blink_led');
  await page.getByRole('combobox', { name: 'Cameras' }).click();
  await page.getByRole('option', { name: 'Camera FAKE0' }).click();
  await page.getByRole('checkbox', { name: 'Camera-relative' }).check();

  const cron = page.getByRole('textbox', { name: 'Cron expression' });
  await cron.fill('%2 * 25 ? * * *');
  await expect(page.getByText(/hour field "25"/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Schedule task' })).toBeEnabled();

  await cron.fill('');
  await page.getByRole('button', { name: 'Every 2 s from recording start' }).click();
  await expect(cron).toHaveValue('%2 * * ? * * *');
  await expect(page.getByTestId('cron-description')).toContainText('every 2nd second counted from the recording start');
  const times = page.getByRole('list', { name: 'Next fire times' }).getByRole('listitem');
  await expect(times).toHaveCount(5);
  await expect(times.first()).toHaveText('+0h 00m 00s after the start');
  await expect(times.nth(1)).toHaveText('+0h 00m 02s after the start');
  await screenshot(page, 'schedule-panel');

  await page.getByRole('button', { name: 'Schedule task' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('task "blink_led" scheduled');
  const tasks = page.getByRole('table', { name: 'Scheduled tasks' });
  await expect(tasks.getByRole('row').filter({ hasText: 'blink_led' })).toContainText('%2 * * ? * * *');
  const onRig = rig.state.tasks.find((t) => t.name === 'blink_led');
  expect(onRig?.cameraRelative).toBe(true);
  expect(onRig?.args.value).toBe(Infinity);
  await screenshot(page, 'schedule-task-listed');

  await page.getByRole('button', { name: 'Clear task blink_led' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear task' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
  expect(rig.state.tasks.map((t) => t.name)).not.toContain('blink_led');
});

test('"in N minutes" writes a one-shot on the rig\'s clock, and "clear all" asks first', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Schedule');
  await page.getByLabel('Task name').fill('exposure_later');
  await page.getByRole('combobox', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Change a camera parameter' }).click();
  await page.getByLabel('New value').fill('5000');
  await page.getByLabel('In minutes').fill('10');
  await page.getByRole('button', { name: 'Use "in N minutes"' }).click();
  const cron = page.getByRole('textbox', { name: 'Cron expression' });
  await expect(cron).toHaveValue(/^\d+ \d+ \d+ \d+ \d+ \? \d{4}$/);
  await expect(page.getByRole('list', { name: 'Next fire times' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Schedule task' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('scheduled');
  expect(rig.state.tasks.find((t) => t.name === 'exposure_later')?.args).toEqual({ ExposureTime: 5000 });

  await page.getByRole('button', { name: 'Clear all tasks' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('table', { name: 'Scheduled tasks' })).toContainText('exposure_later');
  await page.getByRole('button', { name: 'Clear all tasks' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
  expect(rig.state.tasks).toEqual([]);
});
