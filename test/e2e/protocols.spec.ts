import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openRigTab, screenshot, startPanelsEnv, type PanelsEnv } from './rig-panels-fixture';

let env: PanelsEnv;
test.beforeAll(async () => {
  env = await startPanelsEnv({ rigs: 2 });
});
test.afterAll(async () => {
  await env?.stop();
});

const protocolTasks = (i: number) => env.fleet.rigs[i]!.state.tasks.map((t) => t.name).filter((n) => n.startsWith('mc-hourly-stimulus-'));

/** Scrolls the page so the element's top is `below` px under the window's top (the app's header is fixed). */
async function scrollToTop(page: Page, element: Locator, below: number) {
  const box = await element.boundingBox();
  if (box) await page.evaluate(`window.scrollBy(0, ${box.y - below})`);
}

async function openProtocols(page: Page) {
  await page.goto(env.app.url);
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Protocols', { exact: true }).click();
  await expect(page.getByTestId('protocols-view')).toBeVisible();
}

test('hourly-stimulus built in the editor, planned, applied to two rigs and removed; the rig\'s own task stays', async ({ page }) => {
  // A task the rig carried before, made in its Schedule panel: removing the protocol must leave it.
  await openRigTab(page, env, 1, 'Schedule');
  await page.getByLabel('Task name').fill('keep_me');
  await page.getByRole('textbox', { name: 'Cron expression' }).fill('0 0 3 * * ? *');
  await page.getByRole('button', { name: 'Schedule task' }).click();
  await expect(page.getByRole('status', { name: 'Result' })).toContainText('scheduled');
  expect(env.fleet.rigs[1]!.state.tasks.map((t) => t.name)).toContain('keep_me');

  await openProtocols(page);
  await page.getByRole('button', { name: 'New protocol' }).click();
  const editor = page.getByTestId('protocol-editor');
  await editor.getByLabel('Name', { exact: true }).fill('hourly-stimulus');

  await editor.getByRole('button', { name: 'Add parameter' }).click();
  await editor.getByLabel('Parameter 1 name').fill('output');
  await editor.getByLabel('Default', { exact: true }).fill('led');

  await editor.getByRole('button', { name: 'Add recording' }).click();
  const block = editor.getByRole('region', { name: 'Recording 1' });
  await block.getByText('Every…', { exact: true }).click();
  // Hours first: "60 hours" is more than a day, and the model says so next to the field.
  await block.getByRole('combobox', { name: 'Unit', exact: true }).click();
  await page.getByRole('option', { name: 'hours' }).click();
  await expect(block.getByText('must be at most 1440 minutes (a day)')).toBeVisible();
  await block.getByLabel('Every', { exact: true }).fill('1');
  await expect(block.getByText('must be at most 1440 minutes (a day)')).toHaveCount(0);
  // Duration with its unit and codec among the rigs' codecs, as in the Record dialog.
  await block.getByLabel('Duration', { exact: true }).fill('30');
  await expect(block.getByText('"30" has no unit: write 30 s, 30 min or 30 h.')).toBeVisible();
  await block.getByLabel('Duration', { exact: true }).fill('30 min');
  await block.getByRole('combobox', { name: 'Codec' }).click();
  await page.getByRole('option', { name: 'high', exact: true }).click();

  await block.getByRole('button', { name: 'Add action during the recording' }).click();
  const action = block.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('From (s after the start)').fill('300');
  await action.getByLabel('Every (s)').fill('300');
  await action.getByLabel('Output', { exact: true }).fill('{{output}}');

  // The plan of the next day, as an event list: a recording each hour, toggles every 5 min while it runs.
  const plan = editor.getByTestId('plan-view');
  const rows = plan.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'starts recording for 30 min, codec high' })).toHaveCount(24);
  await expect(rows.filter({ hasText: 'toggles output led (starting high)' })).toHaveCount(24 * 5);
  // The same plan on the timeline above the list, in its summary's words.
  await expect(plan.getByTestId('timeline-summary-row').filter({ hasText: /recordings/ })).toContainText([/: 24 recordings, 120 output events$/]);
  await expect(plan.getByTestId('timeline-canvas')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await scrollToTop(page, block, 70);
  await screenshot(page, 'protocol-editor-form');
  // The form's last fields above, the plan's heading and first events below the app's header.
  await scrollToTop(page, editor.getByRole('region', { name: 'Plan', exact: true }), 330);
  await screenshot(page, 'protocol-editor-plan');

  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status')).toHaveText('Saved "hourly-stimulus".');

  await editor.getByRole('button', { name: 'Apply / remove…' }).click();
  const dialog = page.getByRole('dialog');
  for (const name of env.rigNames) await dialog.getByRole('checkbox', { name }).check();
  await dialog.getByRole('button', { name: 'Check' }).click();
  const checks = dialog.getByRole('region', { name: 'Checks per rig' });
  for (const name of env.rigNames) await expect(checks).toContainText(name);
  await dialog.getByRole('button', { name: 'Apply to 2 rigs' }).click();
  const applied = dialog.getByRole('list', { name: 'Apply results' });
  await expect(applied.getByRole('listitem')).toHaveCount(2);
  await expect(applied).toContainText(`${env.rigNames[0]}: 2 tasks created`);
  await expect(applied).toContainText(`${env.rigNames[1]}: 2 tasks created`);
  expect(protocolTasks(0)).toHaveLength(2);
  expect(protocolTasks(1)).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The tasks are on the rig, as its Schedule tab reads them back.
  await openRigTab(page, env, 0, 'Schedule');
  const listed = page.getByRole('table', { name: 'Scheduled tasks' });
  for (const name of protocolTasks(0)) await expect(listed).toContainText(name);

  await openProtocols(page);
  const row = page.getByRole('row').filter({ hasText: 'hourly-stimulus' });
  await expect(row).toContainText(env.rigNames[0]!);
  await row.getByRole('button', { name: 'Apply / remove…' }).click();
  // The rigs that carry it are chosen already, whatever the dashboard's selection.
  for (const name of env.rigNames) await expect(dialog.getByRole('checkbox', { name })).toBeChecked();
  await dialog.getByRole('button', { name: 'Remove from 2 rigs' }).click();
  // Deleting tasks from several rigs asks first; nothing is deleted until confirmed.
  const ask = dialog.getByRole('alertdialog', { name: 'Confirm removing' });
  await expect(ask).toContainText('Delete the tasks of "hourly-stimulus" from 2 rigs?');
  await screenshot(page, 'protocol-remove-confirm');
  expect(protocolTasks(0)).toHaveLength(2);
  await ask.getByRole('button', { name: 'Delete its tasks from 2 rigs' }).click();
  const removed = dialog.getByRole('list', { name: 'Remove results' });
  await expect(removed).toContainText(`${env.rigNames[0]}: 2 tasks removed`);
  await expect(removed).toContainText(`${env.rigNames[1]}: 2 tasks removed`);
  expect(protocolTasks(0)).toEqual([]);
  expect(protocolTasks(1)).toEqual([]);
  expect(env.fleet.rigs[1]!.state.tasks.map((t) => t.name)).toEqual(['keep_me']);
});

test('an offset of 0 s after the start is moved to 1 s, and the field says so', async ({ page }) => {
  await openProtocols(page);
  await page.getByRole('button', { name: 'New protocol' }).click();
  const editor = page.getByTestId('protocol-editor');
  await editor.getByLabel('Name', { exact: true }).fill('offsets');
  await editor.getByRole('button', { name: 'Add recording' }).click();
  const block = editor.getByRole('region', { name: 'Recording 1' });
  await block.getByRole('button', { name: 'Add action during the recording' }).click();
  const action = block.getByRole('group', { name: 'Action 1' });
  await action.getByLabel('Output', { exact: true }).fill('led');

  const from = action.getByLabel('From (s after the start)');
  await from.fill('0');
  await from.press('Tab');
  await expect(from).toHaveValue('1');
  await expect(action).toContainText('0 s is moved to 1 s: the rig runs a camera-relative task at the earliest 1 s after the recording starts');
  await from.fill('30');
  await expect(action).not.toContainText('0 s is moved to 1 s');

  await action.getByText('Once', { exact: true }).click();
  const at = action.getByLabel('At (s after the start)');
  await at.fill('0');
  await at.press('Tab');
  await expect(at).toHaveValue('1');
  await expect(action).toContainText('0 s is moved to 1 s');
  // The plan draws it where the rig runs it: 1 s after the recording start.
  const rows = editor.getByTestId('plan-view').getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'output led' }).first()).toContainText('09:00:01');
});

test('every field error in the editor is a sentence in the app\'s words', async ({ page }) => {
  await openProtocols(page);
  await page.getByRole('button', { name: 'New protocol' }).click();
  const editor = page.getByTestId('protocol-editor');
  await editor.getByLabel('Name', { exact: true }).fill('words');
  await editor.getByRole('button', { name: 'Add recording' }).click();
  const block = editor.getByRole('region', { name: 'Recording 1' });
  await block.getByRole('button', { name: 'Add action during the recording' }).click();
  const action = block.getByRole('group', { name: 'Action 1' });
  // The output name is left empty, the duration emptied.
  await block.getByLabel('Duration', { exact: true }).fill('');
  await expect(action.getByText('Must not be empty.', { exact: true })).toBeVisible();
  await expect(block.getByText('Give how long each recording runs.', { exact: true })).toBeVisible();
  const problems = editor.getByLabel('Problems', { exact: true });
  await expect(problems).toContainText('Recording 1, action 1, output must not be empty.');
  await expect(problems).toContainText('Recording 1, duration needs a length of time, like 30 min or 1h30m.');
  await expect(editor).not.toContainText(/Too small|expected string|>=|Invalid input/);
});

test('an example file is imported, and exported as a Python script', async ({ page }) => {
  await openProtocols(page);
  await page.locator('input[type=file]').setInputFiles('examples/protocols/twice-daily-copy.json');
  await expect(page.getByText('Imported "twice-daily-copy".')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'twice-daily-copy' });
  await row.getByRole('button', { name: 'Export…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Python script' }).click();
  const file = await (await download).path();
  const script = readFileSync(file, 'utf8');
  expect(script).toContain('recordings/copy_all');
  expect(script).toContain('/mnt/nas/motif');
  expect(script).toMatch(/mc-twice-daily-copy-\d+/);

  // Another file of the same name: the name is taken, and replacing it is offered, not done.
  const changed = { ...JSON.parse(readFileSync('examples/protocols/twice-daily-copy.json', 'utf8')), description: 'copies at 18:00 instead' };
  await page.locator('input[type=file]').setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await expect(page.getByRole('alert').filter({ hasText: '"twice-daily-copy" is already saved' })).toBeVisible();
  await expect(row).not.toContainText('copies at 18:00 instead');
  await page.getByRole('button', { name: 'Replace "twice-daily-copy"' }).click();
  await expect(row).toContainText('copies at 18:00 instead');
});

test('a script exported for a rig that carries the protocol has that rig\'s address as its defaults', async ({ page }) => {
  await openProtocols(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'for-rig.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...JSON.parse(readFileSync('examples/protocols/twice-daily-copy.json', 'utf8')), name: 'copy-for-rig' })),
  });
  const row = page.getByRole('row').filter({ hasText: 'copy-for-rig' });
  await row.getByRole('button', { name: 'Apply / remove…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: env.rigNames[1]! }).check();
  await dialog.getByRole('button', { name: 'Apply to 1 rig' }).click();
  await expect(dialog.getByRole('list', { name: 'Apply results' })).toContainText(`${env.rigNames[1]}: 2 tasks created`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(row).toContainText(env.rigNames[1]!);

  await row.getByRole('button', { name: 'Export…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: `Python script for ${env.rigNames[1]}` }).click();
  const script = readFileSync(await (await download).path(), 'utf8');
  const { host, port } = env.fleet.rigs[1]!.info;
  expect(script).toContain(`HOST = os.environ.get('MOTIF_HOST') or '${host}'`);
  expect(script).toContain(`PORT = int(os.environ.get('MOTIF_PORT') or ${port})`);
  expect(script).not.toContain(env.fleet.rigs[1]!.info.apiKey);

  await row.getByRole('button', { name: 'Apply / remove…' }).click();
  await dialog.getByRole('checkbox', { name: env.rigNames[1]! }).check();
  await dialog.getByRole('button', { name: 'Remove from 1 rig' }).click();
  await expect(dialog.getByRole('list', { name: 'Remove results' })).toContainText(`${env.rigNames[1]}: 2 tasks removed`);
});

test('a protocol with more tasks than the checks advise is applied only after the count is confirmed', async ({ page }) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const many = {
    version: 1,
    name: 'many-pulses',
    actions: Array.from({ length: 120 }, (_, i) => ({ when: { times: [`${pad(Math.floor(i / 60))}:${pad(i % 60)}`] }, do: { kind: 'output', output: 'led', value: 1 } })),
  };
  await openProtocols(page);
  await page.locator('input[type=file]').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(many)) });
  await expect(page.getByText('Imported "many-pulses".')).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'many-pulses' }).getByRole('button', { name: 'Apply / remove…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: env.rigNames[0]! }).check();
  await dialog.getByRole('button', { name: 'Apply to 1 rig' }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Confirm the task count' });
  await expect(confirm).toContainText(`This protocol puts 120 tasks on ${env.rigNames[0]}: more than the 100 the checks`);
  const onRig = () => env.fleet.rigs[0]!.state.tasks.filter((t) => t.name.startsWith('mc-many-pulses-')).length;
  expect(onRig()).toBe(0);
  await confirm.getByRole('button', { name: 'Apply 120 tasks anyway' }).click();
  await expect(dialog.getByRole('list', { name: 'Apply results' })).toContainText(`${env.rigNames[0]}: 120 tasks created`);
  expect(onRig()).toBe(120);
  await dialog.getByRole('button', { name: `Remove from 1 rig` }).click();
  await expect(dialog.getByRole('list', { name: 'Remove results' })).toContainText('120 tasks removed');
});
