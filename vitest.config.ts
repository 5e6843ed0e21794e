import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup-config-dir.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // electron-store imports `electron`; inlined, it gets the shell tests' fake instead of the binary.
    server: { deps: { inline: ['electron-store'] } },
  },
});
