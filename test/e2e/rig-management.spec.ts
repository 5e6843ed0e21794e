import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addRigThroughUi, rigCard, startFleet, startFreshApp } from './app-fixture';

const shots = 'test-results/screenshots';

let fleet: Awaited<ReturnType<typeof startFleet>>;
let app: Awaited<ReturnType<typeof startFreshApp>>;

test.beforeEach(async () => {
  [fleet, app] = await Promise.all([startFleet(2), startFreshApp()]);
});
test.afterEach(async () => {
  await Promise.all([app.stop(), fleet.stop()]);
});

const rigDocument = (rigs: { name: string; host: string; port: number; sha256: string }[]) => ({
  format: 'motif-control-rigs',
  formatVersion: 1,
  exportedAt: new Date().toISOString(),
  rigs: rigs.map((r) => ({ name: r.name, host: r.host, port: r.port, trust: { kind: 'fingerprint', sha256: r.sha256 }, tags: ['imported'], notes: '', preset: {}, simulated: false })),
});

async function importText(page: Page, text: string) {
  await page.getByRole('button', { name: 'Import…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import rigs' });
  await dialog.getByLabel('Rig list (JSON)').fill(text);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByLabel('Import preview')).toBeVisible();
  return dialog;
}

test('edit a rig (name, tags, preset) and remove another after confirming', async ({ page }) => {
  await page.goto(app.url);
  const [a, b] = fleet.rigs.map((r) => r.info);
  await addRigThroughUi(page, { name: 'Arena A', host: a!.host, port: a!.port, apiKey: a!.apiKey });
  await addRigThroughUi(page, { name: 'Arena B', host: b!.host, port: b!.port, apiKey: b!.apiKey });

  await page.getByRole('button', { name: 'More actions for Arena A' }).click();
  await page.getByRole('menuitem', { name: 'Edit rig…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Arena A' });
  await expect(edit.getByTestId('key-state')).toHaveText('key for this session only');
  await edit.getByRole('textbox', { name: /^Name/ }).fill('Arena North');
  await edit.getByLabel('Tags', { exact: true }).fill('north');
  await edit.getByLabel('Tags', { exact: true }).press('Enter');
  await edit.getByRole('button', { name: 'Default recording preset' }).click();
  // The rig's codecs to choose from, as in the Record dialog.
  await edit.getByRole('combobox', { name: 'Codec' }).click();
  await page.getByRole('option', { name: 'low', exact: true }).click();
  await edit.getByLabel('Duration', { exact: true }).fill('1h30m');
  await expect(edit.getByText('= 1:30:00')).toBeVisible();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(rigCard(page, 'Arena North')).toContainText('north');

  // The preset is where the next recording starts from.
  await rigCard(page, 'Arena North').getByRole('button', { name: 'Record on Arena North' }).click();
  await expect(page.getByRole('dialog', { name: 'Start recording' }).getByLabel('Codec', { exact: true })).toHaveValue('low');
  await page.getByRole('dialog', { name: 'Start recording' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'More actions for Arena B' }).click();
  await page.getByRole('menuitem', { name: 'Remove rig…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Arena B?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rigCard(page, 'Arena B')).toBeVisible();
  await page.getByRole('button', { name: 'More actions for Arena B' }).click();
  await page.getByRole('menuitem', { name: 'Remove rig…' }).click();
  await page.getByRole('dialog', { name: 'Remove Arena B?' }).getByRole('button', { name: 'Remove rig' }).click();
  await expect(rigCard(page, 'Arena B')).toHaveCount(0);
});

test('export downloads the rig list without keys; import in another app adds the rigs, keys not set', async ({ page }) => {
  await page.goto(app.url);
  const [a, b] = fleet.rigs.map((r) => r.info);
  await addRigThroughUi(page, { name: 'Arena A', host: a!.host, port: a!.port, apiKey: a!.apiKey });
  await addRigThroughUi(page, { name: 'Arena B', host: b!.host, port: b!.port, apiKey: b!.apiKey });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^motif-rigs-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).not.toContain(a!.apiKey);
  expect(JSON.parse(text).rigs.map((r: { name: string }) => r.name)).toEqual(['Arena A', 'Arena B']);

  const other = await startFreshApp();
  try {
    await page.goto(other.url);
    const dialog = await importText(page, text);
    await expect(dialog.getByLabel('Import preview')).toContainText('2 to add');
    await dialog.getByRole('button', { name: 'Import' }).click();
    for (const name of ['Arena A', 'Arena B']) {
      await expect(rigCard(page, name).getByTestId('key-state')).toHaveText('key not set');
      await expect(rigCard(page, name).getByTestId('rig-state')).toHaveText('no key');
    }
  } finally {
    await other.stop();
  }
});

test('a rig presenting another certificate than the pinned one is shown as a possible impostor and never silently accepted', async ({ page }) => {
  const impostor = await startFleet(1);
  try {
    const a = fleet.rigs[0]!.info;
    // Pinned to the other fleet's certificate: what the rig presents no longer matches.
    const wrongPin = impostor.rigs[0]!.info.fingerprint256;
    expect(wrongPin).not.toBe(a.fingerprint256);
    await page.goto(app.url);
    const dialog = await importText(page, JSON.stringify(rigDocument([{ name: 'Arena A', host: a.host, port: a.port, sha256: wrongPin }])));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('button', { name: 'More actions for Arena A' }).click();
    await page.getByRole('menuitem', { name: 'Edit rig…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Arena A' });
    await edit.getByLabel('New API key').fill(a.apiKey);
    await edit.getByLabel(/Keep the key for this session only/).check();
    await edit.getByRole('button', { name: 'Save key' }).click();
    await expect(edit.getByTestId('key-state')).toHaveText('key for this session only');
    await edit.getByRole('button', { name: 'Close' }).click();

    const card = rigCard(page, 'Arena A');
    await expect(card.getByTestId('rig-state')).toHaveText('untrusted', { timeout: 15_000 });
    await expect(card.getByRole('alert')).toContainText('possible impostor');

    await page.getByRole('button', { name: 'More actions for Arena A' }).click();
    await page.getByRole('menuitem', { name: 'Edit rig…' }).click();
    await edit.getByRole('button', { name: 'Check certificate…' }).click();
    const panel = edit.getByTestId('certificate-panel');
    await expect(panel.getByRole('alert')).toContainText("certificate has changed: possible impostor");
    await expect(panel.getByTestId('pinned-fingerprint')).toHaveText(wrongPin);
    await expect(panel.getByTestId('presented-fingerprint')).toHaveText(a.fingerprint256);
    await expect(panel.getByRole('button', { name: 'Trust the new certificate' })).toBeDisabled();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/certificate-changed.png` });
    await panel.getByRole('button', { name: 'Keep the old pin' }).click();
    await expect(edit.getByTestId('trust-state')).toHaveText('Pinned SHA-256 fingerprint:');
    await expect(edit.getByText(wrongPin)).toBeVisible();
  } finally {
    await impostor.stop();
  }
});
