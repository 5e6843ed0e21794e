import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startSimulatedRigs, type SimFleet } from '../../src-main/sim';
import { startBrowserMode, type RunningApp } from './browser-mode-app';

/** The built app in browser mode with an empty registry of its own. */
export async function startFreshApp(env: NodeJS.ProcessEnv = {}): Promise<RunningApp & { configDir: string }> {
  const configDir = mkdtempSync(path.join(tmpdir(), 'motif-e2e-config-'));
  const app = await startBrowserMode([], { MOTIF_CONTROL_CONFIG_DIR: configDir, ...env });
  return {
    ...app,
    configDir,
    stop: async () => {
      await app.stop();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** Simulated rigs on free ports, with a certificate of their own (a fresh data folder). */
export async function startFleet(rigs = 2, opts: { perRigKeys?: boolean } = {}): Promise<SimFleet & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'motif-e2e-sim-'));
  const fleet = await startSimulatedRigs({ port: 0, rigs, streams: false, dataDir, perRigKeys: opts.perRigKeys });
  return {
    ...fleet,
    dataDir,
    stop: async () => {
      await fleet.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RigToAdd {
  name: string;
  host: string;
  port: number;
  apiKey: string;
  tags?: string[];
}

/** Open the Add rig dialog and fill in what is given; returns the dialog. */
export async function fillAddRigForm(page: Page, rig: Partial<RigToAdd> & Pick<RigToAdd, 'name' | 'host' | 'port'>, opts: { sessionOnly?: boolean } = {}) {
  await page.getByRole('button', { name: 'Add rig…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add rig' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(rig.name);
  await dialog.getByRole('textbox', { name: /^Host/ }).fill(rig.host);
  await dialog.getByLabel('Port', { exact: true }).fill(String(rig.port));
  for (const tag of rig.tags ?? []) {
    await dialog.getByLabel('Tags', { exact: true }).fill(tag);
    await dialog.getByLabel('Tags', { exact: true }).press('Enter');
  }
  if (rig.apiKey !== undefined) await dialog.getByLabel('API key', { exact: true }).fill(rig.apiKey);
  if (opts.sessionOnly) await dialog.getByLabel(/Keep the key for this session only/).check();
  return dialog;
}

/** Add a rig through the dialog as a user would: fields, key (session only), accept the fingerprint shown. */
export async function addRigThroughUi(page: Page, rig: RigToAdd, expectedFingerprint?: string): Promise<void> {
  const dialog = await fillAddRigForm(page, rig, { sessionOnly: true });
  await dialog.getByRole('button', { name: 'Check certificate…' }).click();
  const certificate = page.getByRole('dialog', { name: "Check the rig's certificate" });
  if (expectedFingerprint) await expect(certificate.getByTestId('presented-fingerprint')).toHaveText(expectedFingerprint);
  await certificate.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(certificate).toBeHidden();
}

/** The two rigs of a fleet as "Arena A" and "Arena B", with optional tags each. */
export async function addArenasThroughUi(page: Page, fleet: SimFleet, tags: [string[], string[]] = [[], []]): Promise<void> {
  const [a, b] = fleet.rigs.map((r) => r.info);
  await addRigThroughUi(page, { name: 'Arena A', host: a!.host, port: a!.port, apiKey: a!.apiKey, tags: tags[0] });
  await addRigThroughUi(page, { name: 'Arena B', host: b!.host, port: b!.port, apiKey: b!.apiKey, tags: tags[1] });
}

export const rigCard = (page: Page, name: string) => page.getByRole('article', { name: `Rig ${name}` });
