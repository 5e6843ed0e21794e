import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { MotifClient } from '../../src-main/core/motif-api';
import { startSimulatedRigs, type SimFleet, type SimOptions, type SimRig } from '../../src-main/sim';
import { startBrowserMode, type RunningApp } from './browser-mode-app';

/** Simulated rigs, registered in a fresh config folder, and browser mode serving that folder. */
export interface PanelsEnv {
  fleet: SimFleet;
  app: RunningApp;
  rigNames: string[];
  /** The config folder browser mode serves (a restart on it keeps the port and token). */
  configDir: string;
  /** A direct client to rig i, for setting the scene (e.g. recording) without the UI. */
  client(i: number): MotifClient;
  stop(): Promise<void>;
}

const CLI = 'src-main/cli/motifctl.ts';
const SEED = 'test/e2e/seed-rig.ts';

/**
 * `motifctl rigs add` when the CLI has it, else seed-rig.ts doing the same through the core
 * registry; both run as their own process (the core reads package.json as a JSON module).
 */
let cliHasRigsAdd: boolean | undefined; // asked once: each process start takes seconds
function addRig(configDir: string, name: string, rig: SimRig, tags: readonly string[] = []): void {
  const { host, port, fingerprint256, apiKey } = rig.info;
  const env = { ...process.env, MOTIF_CONTROL_CONFIG_DIR: configDir };
  if (cliHasRigsAdd === undefined) {
    const help = spawnSync('npx', ['tsx', CLI, 'rigs', '--help'], { env, encoding: 'utf8' });
    cliHasRigsAdd = help.status === 0 && /^\s+add\b/m.test(help.stdout);
  }
  if (tags.length > 0 && !cliHasRigsAdd) throw new Error('tagging a rig needs motifctl rigs add');
  const argv = cliHasRigsAdd
    ? ['tsx', CLI, 'rigs', 'add', name, '--host', host, '--port', String(port), '--fingerprint', fingerprint256, ...tags.flatMap((t) => ['--tag', t])]
    : ['tsx', SEED, name, host, String(port), fingerprint256];
  const added = spawnSync('npx', argv, { env, input: `${apiKey}\n`, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`adding rig ${name} failed: ${added.stderr}`);
}

/** `tags(i)`: the tags of rig i (none by default). */
export async function startPanelsEnv(
  opts: { rigs?: number; copySeconds?: number; streams?: boolean; frame?: SimOptions['frame']; tags?(i: number): string[] } = {},
): Promise<PanelsEnv> {
  const root = mkdtempSync(path.join(tmpdir(), 'motif-panels-'));
  const configDir = path.join(root, 'config');
  mkdirSync(configDir);
  const fleet = await startSimulatedRigs({
    port: 0,
    rigs: opts.rigs ?? 1,
    streams: opts.streams ?? false,
    ...(opts.frame ? { frame: opts.frame } : {}),
    dataDir: path.join(root, 'sim'),
    copySeconds: opts.copySeconds ?? 3,
  });
  const rigNames = fleet.rigs.map((_, i) => `Panel rig ${i + 1}`);
  for (const [i, rig] of fleet.rigs.entries()) addRig(configDir, rigNames[i]!, rig, opts.tags?.(i));
  const app = await startBrowserMode([], { MOTIF_CONTROL_CONFIG_DIR: configDir });
  const clients: MotifClient[] = [];
  return {
    fleet,
    app,
    rigNames,
    configDir,
    client(i) {
      const { host, port, apiKey, fingerprint256 } = fleet.rigs[i]!.info;
      clients[i] ??= new MotifClient({ host, port, apiKey, trust: { kind: 'fingerprint', fingerprint256 } });
      return clients[i];
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await app.stop();
      await fleet.stop();
      if (existsSync(root)) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Open a rig's detail from the side navigation and switch to one of its tabs. */
export async function openRigTab(page: Page, env: PanelsEnv, rigIndex: number, tab: string): Promise<void> {
  await page.goto(env.app.url);
  const nav = page.getByRole('navigation', { name: 'Areas' });
  await nav.getByText(env.rigNames[rigIndex]!, { exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

export async function openArea(page: Page, env: PanelsEnv, area: 'Outbox' | 'Audit log'): Promise<void> {
  if (!page.url().startsWith(env.app.origin)) await page.goto(env.app.url);
  await page.getByRole('navigation', { name: 'Areas' }).getByText(area, { exact: true }).click();
}

/** Screenshots land in test-results/screenshots/ for review; the best are copied to docs/screenshots/. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });
