import path from 'node:path';
import type { AppCore } from '../app-core';

/** `--demo` (`npm run demo`): the app with simulated rigs, in a config folder of its own. */
export const DEMO_FLAG = '--demo';

/** The demo keeps its rigs apart from the lab's real ones. */
export const demoConfigDir = (configDir: string) => path.join(configDir, 'demo');

/** Two simulated rigs unless the demo folder already has some (they resume on their own). */
export async function ensureDemoRigs(core: AppCore): Promise<void> {
  if (core.registry.list().some((r) => r.simulated)) return;
  const r = await core.dispatch('demo.start', { count: 2 });
  if (!r.ok) throw new Error(`Could not start the simulated rigs: ${r.error.message}`);
}
