import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { defineConfig } from 'vitest/config';

const TESTS = 'test/unit';

/**
 * A test file that starts a simulator, a process, a worker thread or the keychain is an
 * integration test: it mostly waits (on sockets, timeouts, child processes), so several run
 * side by side. Every other file is a pure unit test, CPU-bound and quick: `npm run check`
 * runs those alone. Read from what each file imports, so a new test is sorted without a list.
 */
const STARTS_SOMETHING =
  /src-main\/sim['/]|startSimulatedRigs|node:child_process|browser-mode-process|run-child|core-process|fixtures\/one-rig|sim-test-client|keychain-fixture|with-keyring|node:worker_threads|zeromq/;

/** Integration tests that assert how long something took: run alone, so other tests do not slow them. */
const TIMED = [
  'reliability/keychain-hung.test.ts',
  'reliability/live-big-frames.test.ts',
  'reliability/notices-big.test.ts',
  'reliability/path-inputs.test.ts',
  'reliability/shared-files.test.ts',
  'reliability/sim-faults.test.ts',
  'reliability/ws-burst.test.ts',
  'reliability/ws-flood.test.ts',
].map((f) => `${TESTS}/${f}`);

const testFiles = readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `${TESTS}/${f.split('\\').join('/')}`);
/** Whether the file, or a test helper it imports (a fixture that starts the simulator), starts something. */
function startsSomething(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (STARTS_SOMETHING.test(text)) return true;
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].some(([, spec]) => {
    const base = normalize(join(dirname(file), spec!));
    const helper = [`${base}.ts`, join(base, 'index.ts')].find((f) => f.startsWith('test/') && existsSync(f));
    return helper !== undefined && startsSomething(helper, seen);
  });
}

const integration = testFiles.filter((f) => f.startsWith(`${TESTS}/reliability/`) || startsSomething(f));
/** Pure tests that replace a module (`vi.mock`): each gets fresh modules; the others share a worker's, which is three times faster. */
const mocking = testFiles.filter((f) => !integration.includes(f) && /\bvi\.(do)?[mM]ock\(/.test(readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['test/unit/setup-config-dir.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // electron-store imports `electron`; inlined, it gets the shell tests' fake instead of the binary.
    server: { deps: { inline: ['electron-store'] } },
    // One group after the other; within a group, files side by side (`--project 'unit*'` for the quick loop).
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [`${TESTS}/**/*.test.ts`], exclude: [...integration, ...mocking], sequence: { groupOrder: 0 }, maxWorkers: 2, isolate: false },
      },
      { extends: true, test: { name: 'unit-mocks', include: mocking, sequence: { groupOrder: 0 }, maxWorkers: 2 } },
      {
        extends: true,
        test: { name: 'integration', include: integration.filter((f) => !TIMED.includes(f)), sequence: { groupOrder: 1 }, maxWorkers: 3 },
      },
      { extends: true, test: { name: 'timed', include: TIMED, sequence: { groupOrder: 2 }, maxWorkers: 1 } },
    ],
  },
});
