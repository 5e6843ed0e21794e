import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addRigThroughUi, fillAddRigForm, rigCard, startFleet, startFreshApp } from './app-fixture';

const shots = 'test-results/screenshots';
mkdirSync(shots, { recursive: true });

type Fleet = Awaited<ReturnType<typeof startFleet>>;
type App = Awaited<ReturnType<typeof startFreshApp>>;
let fleet: Fleet;
let app: App;

test.beforeEach(async () => {
  [fleet, app] = await Promise.all([startFleet(2), startFreshApp()]);
});
test.afterEach(async () => {
  await Promise.all([app.stop(), fleet.stop()]);
});

test('a new user adds two rigs (host, port, key, fingerprint) and sees them on the dashboard', async ({ page }) => {
  await page.goto(app.url);
  const [a, b] = fleet.rigs.map((r) => r.info);
  await page.getByRole('button', { name: 'Add rig…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add rig' });
  await expect(dialog.getByLabel('Port', { exact: true })).toHaveValue('6083');
  await page.screenshot({ path: `${shots}/add-rig-dialog.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await addRigThroughUi(page, { name: 'Arena A', host: a!.host, port: a!.port, apiKey: a!.apiKey, tags: ['lab-1'] }, a!.fingerprint256);
  await expect(rigCard(page, 'Arena A')).toBeVisible();
  await expect(rigCard(page, 'Arena A').getByTestId('key-state')).toHaveText('key for this session only');
  await addRigThroughUi(page, { name: 'Arena B', host: b!.host, port: b!.port, apiKey: b!.apiKey, tags: ['lab-2'] });
  await expect(rigCard(page, 'Arena B')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Areas' }).getByText('Arena B')).toBeVisible();

  // Both rigs answer with the stored key and the pinned certificate.
  for (const name of ['Arena A', 'Arena B']) await expect(rigCard(page, name).getByTestId('rig-state')).toHaveText('online');
});

test('the certificate dialog shows the fingerprint before anything is trusted, and cancel adds nothing', async ({ page }) => {
  await page.goto(app.url);
  const a = fleet.rigs[0]!.info;
  const dialog = await fillAddRigForm(page, { name: 'Arena A', host: a.host, port: a.port });
  await dialog.getByRole('button', { name: 'Check certificate…' }).click();
  const certificate = page.getByRole('dialog', { name: "Check the rig's certificate" });
  await expect(certificate.getByTestId('presented-fingerprint')).toHaveText(a.fingerprint256);
  await page.screenshot({ path: `${shots}/certificate-dialog.png` });
  await certificate.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Add rig' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('rigs-empty')).toBeVisible();
});

test('an unreachable address says so and can still be added, untrusted', async ({ page }) => {
  await page.goto(app.url);
  const dialog = await fillAddRigForm(page, { name: 'Far away', host: '127.0.0.1', port: 1 });
  await dialog.getByRole('button', { name: 'Check certificate…' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add without checking' }).click();
  await expect(rigCard(page, 'Far away')).toBeVisible();
  await expect(rigCard(page, 'Far away').getByTestId('key-state')).toHaveText('key not set');
});

test('a wrong key shows "key rejected" on the card', async ({ page }) => {
  await page.goto(app.url);
  const a = fleet.rigs[0]!.info;
  await addRigThroughUi(page, { name: 'Arena A', host: a.host, port: a.port, apiKey: 'wrong' + a.apiKey.slice(5) });
  await expect(rigCard(page, 'Arena A').getByTestId('rig-state')).toHaveText('key rejected', { timeout: 15_000 });
});

test('when the keychain is unavailable, Add rig keeps the key for this session only from the start, and says so', async ({ page }) => {
  // A session bus that does not exist: the Secret Service cannot be reached.
  const noKeychain = await startFreshApp({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/motif-e2e-bus' });
  try {
    await page.goto(noKeychain.url);
    const a = fleet.rigs[0]!.info;
    const dialog = await fillAddRigForm(page, { name: 'Arena A', host: a.host, port: a.port, apiKey: a.apiKey });
    await expect(dialog.getByLabel(/Keep the key for this session only/)).toBeChecked();
    const key = dialog.getByLabel('API key', { exact: true });
    await expect(key).toHaveAccessibleDescription(/keychain is not available: the key is kept for this session only/);
    await expect(key).not.toHaveAccessibleDescription(/Stored in this computer's keychain/);
    await page.screenshot({ path: `${shots}/add-rig-no-keychain.png` });
    await dialog.getByRole('button', { name: 'Check certificate…' }).click();
    await page.getByRole('dialog', { name: "Check the rig's certificate" }).getByRole('button', { name: 'Trust this certificate' }).click();
    await expect(rigCard(page, 'Arena A').getByTestId('key-state')).toHaveText('key for this session only');
    await expect(rigCard(page, 'Arena A').getByTestId('rig-state')).toHaveText('online');
  } finally {
    await noKeychain.stop();
  }
});

test('with the keychain at hand, Add rig offers to store the key there', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Add rig…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add rig' });
  await expect(dialog.getByLabel('API key', { exact: true })).toHaveAccessibleDescription(/Stored in this computer's keychain/);
  await expect(dialog.getByLabel(/Keep the key for this session only/)).not.toBeChecked();
});

test('a pasted URL fills host and port; a name or address already configured is refused before the rig is contacted', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(app.url);
  const [a, b] = fleet.rigs.map((r) => r.info);
  await addRigThroughUi(page, { name: 'Arena A', host: a!.host, port: a!.port, apiKey: a!.apiKey });

  await page.getByRole('button', { name: 'Add rig…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add rig' });
  const host = dialog.getByRole('textbox', { name: /^Host/ });
  const check = dialog.getByRole('button', { name: 'Check certificate…' });
  const paste = async (text: string) => {
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
    await host.fill('');
    await host.press('ControlOrMeta+V');
  };

  await dialog.getByRole('textbox', { name: /^Name/ }).fill(' arena a');
  await expect(dialog.getByText('There is already a rig named "Arena A"; rig names must be unique.')).toBeVisible();
  await expect(check).toBeDisabled();

  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Arena B');
  await paste(`https://${a!.host}:${a!.port}/`);
  await expect(host).toHaveValue(a!.host);
  await expect(dialog.getByLabel('Port', { exact: true })).toHaveValue(String(a!.port));
  await expect(dialog.getByText(`${a!.host}:${a!.port} is already configured as rig "Arena A"; each rig is added once.`)).toBeVisible();
  await expect(check).toBeDisabled();

  await paste(`https://${b!.host}:${b!.port}/`);
  await expect(dialog.getByText(/already configured/)).toBeHidden();
  await expect(dialog.getByLabel('Port', { exact: true })).toHaveValue(String(b!.port));
  await check.click();
  await expect(page.getByRole('dialog', { name: "Check the rig's certificate" }).getByTestId('presented-fingerprint')).toHaveText(b!.fingerprint256);
});
