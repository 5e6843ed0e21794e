import { defineConfig } from '@playwright/test';

/** The Electron smoke test (`npm run test:electron`): the built app, launched with Electron's own binary. */
export default defineConfig({
  testDir: 'test/electron',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./test/electron/skip-reasons-reporter.ts']],
  use: { trace: 'retain-on-failure' },
});
