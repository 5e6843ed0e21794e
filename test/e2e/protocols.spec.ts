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
  await block.getByLabel('Duration', { exact: true }).fill('30');
  await block.getByLabel('Codec').fill('high');

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
