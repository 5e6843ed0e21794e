import { expect, test } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  // Rig 2 goes away in the last test, for tasks waiting in the outbox.
  env = await startPanelsEnv({ rigs: 2 });
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
  // Never at the start itself: the rig arms the task when the recording starts (docs/wire.md).
  await expect(times.first()).toHaveText('+0h 00m 02s after the start');
  await expect(times.nth(1)).toHaveText('+0h 00m 04s after the start');
  await screenshot(page, 'schedule-panel');

  await page.getByRole('button', { name: 'Schedule task' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('task "blink_led" scheduled');
  const tasks = page.getByRole('table', { name: 'Scheduled tasks' });
  const blinkRow = tasks.getByRole('row').filter({ hasText: 'blink_led' });
  await expect(blinkRow).toContainText('%2 * * ? * * *');
  await expect(blinkRow).toContainText('Set output led on camera FAKE0 to toggle, start high');
  await expect(blinkRow).toContainText('camera-relative');
  await expect(blinkRow).toContainText('after each recording start (first +0:00:02)');
  const onRig = rig.state.tasks.find((t) => t.name === 'blink_led');
  expect(onRig?.cameraRelative).toBe(true);
  expect(onRig?.args.value).toBe(Infinity);
  await screenshot(page, 'schedule-task-listed');

  await page.getByRole('button', { name: 'Clear task blink_led' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear task' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
  expect(rig.state.tasks.map((t) => t.name)).not.toContain('blink_led');
});

test('a camera-relative first run is the same answer as the CLI and the plan: never at the start itself', async ({ page }) => {
  await openRigTab(page, env, 0, 'Schedule');
  await page.getByRole('checkbox', { name: 'Camera-relative' }).check();
  const cron = page.getByRole('textbox', { name: 'Cron expression' });
  await cron.fill('0 */5 * * * *');
  const times = page.getByRole('list', { name: 'Next fire times' }).getByRole('listitem');
  await expect(times.first()).toHaveText('+0h 05m 00s after the start');

  // The offset helper starts at 0 s; the rig cannot run a task at 0 s, so the helper says it moved it.
  await expect(page.getByLabel('Minutes after start')).toHaveValue('0');
  await expect(page.getByLabel('Seconds after start')).toHaveValue('0');
  await page.getByRole('button', { name: 'Use this offset' }).click();
  await expect(cron).toHaveValue('1 0 0 1 1 ?');
  await expect(page.getByTestId('offset-moved')).toHaveText(/0 s is moved to 1 s/);
  await expect(page.getByLabel('Seconds after start')).toHaveValue('1');
  await expect(times.first()).toHaveText('+0h 00m 01s after the start');
  await page.getByLabel('Seconds after start').fill('17');
  await expect(page.getByTestId('offset-moved')).toBeHidden();
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

test('a name the rig already has is refused until "Replace task"; after a task is created only its name is cleared', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Schedule');
  const name = page.getByLabel('Task name');
  const cron = page.getByRole('textbox', { name: 'Cron expression' });
  await name.fill('rec_hourly');
  await page.getByRole('combobox', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Start recording' }).click();
  // As in the Record dialog: the rig's codecs to choose from, a duration with its unit.
  await page.getByRole('combobox', { name: 'Codec' }).click();
  await expect(page.getByRole('option', { name: 'low', exact: true })).toBeVisible();
  await page.getByRole('option', { name: 'high', exact: true }).click();
  const duration = page.getByLabel('Duration', { exact: true });
  await duration.fill('30');
  await expect(page.getByText('"30" has no unit: write 30 s, 30 min or 30 h.')).toBeVisible();
  await duration.fill('30 min');
  await page.getByRole('button', { name: 'Every hour on the hour' }).click();
  await page.getByRole('button', { name: 'Schedule task' }).click();
  const result = page.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('task "rec_hourly" scheduled (start recording, at "0 0 * * * *")');
  expect(rig.state.tasks.find((t) => t.name === 'rec_hourly')?.args).toMatchObject({ codec: 'high', duration: 1800 });
  // Only the name clears: operation, its arguments and the timing stay for the next task. The line keeps describing the task submitted.
  await expect(name).toHaveValue('');
  await expect(cron).toHaveValue('0 0 * * * *');
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue('Start recording');
  await expect(page.getByRole('combobox', { name: 'Codec' })).toHaveValue('high');
  await expect(duration).toHaveValue('30 min');
  await name.fill('something_else');
  await expect(result).toContainText('task "rec_hourly" scheduled');
  await expect(result).not.toContainText('something_else');

  const row = page.getByRole('table', { name: 'Scheduled tasks' }).getByRole('row').filter({ hasText: 'rec_hourly' });
  await expect(row).toContainText('Start recording on all cameras, duration 30 min');
  await expect(row).toContainText('rig clock');
  await expect(row).toContainText(/\d{4}-\d\d-\d\d \d\d:00:00/);

  // Same name, another operation: refused, the recording task stays.
  await name.fill('rec_hourly');
  await expect(page.getByTestId('name-taken')).toContainText('This rig already has a task named "rec_hourly"');
  await page.getByRole('combobox', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Set an output' }).click();
  await page.getByRole('button', { name: 'Every 5 minutes' }).click();
  await page.getByRole('button', { name: 'Schedule task' }).click();
  const refused = page.getByRole('alert', { name: 'Result' });
  await expect(refused).toContainText(
    'Panel rig 1 already has a task named "rec_hourly" (start recording on all cameras, duration 30 min, codec high, at "0 0 * * * *"): replace it, or choose another name.',
  );
  await expect(name).toHaveValue('rec_hourly');
  expect(rig.state.tasks.find((t) => t.name === 'rec_hourly')?.endpoint).toBe('recording/start');
  await screenshot(page, 'schedule-name-taken');

  await page.getByRole('button', { name: 'Replace task' }).click();
  await expect(result).toContainText('task "rec_hourly" replaced (set an output led to toggle, start high, at "0 */5 * * * *")');
  await expect(row).toContainText('Set output led on the rig to toggle, start high');
  expect(rig.state.tasks.find((t) => t.name === 'rec_hourly')?.endpoint).toBe('io/led/set');
  await expect(name).toHaveValue('');

  await page.getByRole('button', { name: 'Clear task rec_hourly' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear task' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
});

test('a Replace prompt belongs to the form it answered: any edit withdraws it', async ({ page }) => {
  const rig = env.fleet.rigs[0]!;
  await openRigTab(page, env, 0, 'Schedule');
  const name = page.getByLabel('Task name');
  const cron = page.getByRole('textbox', { name: 'Cron expression' });
  await name.fill('rec_stale');
  await page.getByRole('button', { name: 'Every hour on the hour' }).click();
  await page.getByRole('button', { name: 'Schedule task' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('task "rec_stale" scheduled');
  await name.fill('rec_stale');
  await cron.fill('0 */5 * * * *');
  await page.getByRole('button', { name: 'Schedule task' }).click();
  const replace = page.getByRole('button', { name: 'Replace task' });
  await expect(replace).toBeVisible();

  await name.fill('zzz_not_scheduled');
  await expect(replace).toBeHidden();
  await expect(page.getByTestId('replace-withdrawn')).toBeVisible();
  // Back to exactly what was refused: the prompt is that form's again.
  await name.fill('rec_stale');
  await expect(replace).toBeVisible();
  await cron.fill('0 */10 * * * *');
  await expect(replace).toBeHidden();
  expect(rig.state.tasks.find((t) => t.name === 'rec_stale')?.cronExpression).toBe('0 0 * * * *');
  expect(rig.state.tasks.map((t) => t.name)).not.toContain('zzz_not_scheduled');

  await page.getByRole('button', { name: 'Clear task rec_stale' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear task' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
});

test('an example chip never unticks Camera-relative, and says what else it changed', async ({ page }) => {
  await openRigTab(page, env, 0, 'Schedule');
  const relative = page.getByRole('checkbox', { name: 'Camera-relative' });
  await relative.check();
  await page.getByRole('button', { name: 'Every 5 minutes' }).click();
  await expect(relative).toBeChecked();
  await expect(page.getByTestId('preset-note')).toHaveText('Camera-relative stays ticked: these times count from each recording start.');
  await expect(page.getByTestId('cron-description')).toContainText('recording start');

  // A recording cannot be camera-relative: the relative example says it switched the operation.
  await page.getByRole('combobox', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Start recording' }).click();
  await expect(relative).not.toBeChecked();
  await page.getByRole('button', { name: 'Every 2 s from recording start' }).click();
  await expect(relative).toBeChecked();
  await expect(page.getByTestId('preset-note')).toContainText('Camera-relative is now ticked');
  await expect(page.getByTestId('preset-note')).toContainText('The operation is now "Set an output"');
  await expect(page.getByRole('combobox', { name: 'Operation' })).toHaveValue('Set an output');
});

test('a task for a rig that is away waits in the outbox, is listed as such, and says what could not be checked', async ({ page }) => {
  const rig = env.fleet.rigs[1]!;
  await rig.goOffline();
  await openRigTab(page, env, 1, 'Schedule');
  await page.getByLabel('Task name').fill('rec_later');
  await page.getByRole('combobox', { name: 'Operation' }).click();
  await page.getByRole('option', { name: 'Start recording' }).click();
  await page.getByRole('button', { name: 'Every hour on the hour' }).click();
  await page.getByRole('button', { name: 'Schedule task' }).click();
  const result = page.getByRole('status', { name: 'Result' });
  await expect(result).toContainText('Panel rig 2 is offline: task "rec_later" waits in the Outbox');
  await expect(result).toContainText('a task named "rec_later" already on the rig is replaced when this change is applied');
  const row = page.getByRole('table', { name: 'Scheduled tasks' }).getByRole('row').filter({ hasText: 'rec_later' });
  await expect(row).toContainText('waiting in the outbox');
  await expect(row).toContainText('Start recording on all cameras');
  await expect(row).toContainText('when the rig is back');
  expect(rig.state.tasks).toEqual([]);
  await page.getByLabel('Task name').fill('rec_later');
  await expect(page.getByTestId('name-taken')).toContainText('A change waiting in the outbox creates a task named "rec_later"');
  await page.getByLabel('Task name').fill('');

  // Back online: the outbox applies it and the list reads the rig again.
  await rig.comeBack();
  await expect(row).not.toContainText('waiting in the outbox', { timeout: 45_000 });
  await expect(row).toContainText('rig clock');
  expect(rig.state.tasks.map((t) => t.name)).toEqual(['rec_later']);
});

test('the camera-relative badge of a listed task is whole at 1280x800', async ({ page }) => {
  await env.client(0).call('schedule/camera/FAKE0/io/led/set', { task_name: 'pulse_rel', cron_expression: '%5 * * ? * * *', camera_relative: true, value: 1 });
  try {
    await openRigTab(page, env, 0, 'Schedule');
    const row = page.getByRole('table', { name: 'Scheduled tasks' }).getByRole('row').filter({ hasText: 'pulse_rel' });
    const badge = row.getByTestId('camera-relative');
    await expect(badge).toHaveText('camera-relative');
    // Any part of the badge narrower than its text is a cut label.
    type Box = { scrollWidth: number; clientWidth: number; querySelectorAll(s: string): ArrayLike<Box> };
    expect(await badge.evaluate((el: Box) => [el, ...Array.from(el.querySelectorAll('*'))].some((e) => e.scrollWidth > e.clientWidth))).toBe(false);
  } finally {
    await env.client(0).call('schedule/pulse_rel/clear');
  }
});
