// `npm start`: build when sources changed, then run the Electron app; where Electron's
// binary is missing and cannot be fetched, or (Linux) Chromium's sandbox cannot start, say
// so in one line with the fix and run browser mode. `npm run browser` (--browser) goes
// straight to browser mode; `npm start -- --no-sandbox` opts out of the sandbox.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  let stamp = 0;
  try {
    stamp = statSync('dist/.build-stamp').mtimeMs;
  } catch {
    // never built
  }
  const sources = Math.max(...['src-main', 'src-preload', 'src-renderer'].map(newestMtime), statSync('package.json').mtimeMs);
  if (sources <= stamp) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Path of the Electron binary, or the reason there is none. Asks in a child: electron's index downloads on require. */
function electronBinary() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  if (r.status === 0 && r.stdout) return { path: r.stdout };
  const output = r.stderr || r.error?.message || '';
  if (output.includes('Electron failed to install correctly')) {
    return { reason: 'its binary is not installed and could not be downloaded' };
  }
  return { reason: output.match(/[^\n]*Error[^\n]*/)?.[0]?.trim() ?? 'it could not be started' };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

/**
 * Why Chromium's sandbox cannot start for this Electron (Linux: Ubuntu 24.04's AppArmor, no
 * SUID helper), with the fix; null when it can, or when --no-sandbox was asked for. Chromium
 * would abort with "No usable sandbox" before the app could say anything.
 */
async function sandboxProblem(electronPath) {
  if (process.platform !== 'linux' || passThrough.includes('--no-sandbox')) return null;
  const { readSandboxFacts, sandboxVerdict } = await import('../dist/start/linux-sandbox.js');
  const verdict = sandboxVerdict(readSandboxFacts(electronPath, process.env, process.platform), 'checkout');
  return verdict.ok ? null : verdict;
}

buildIfStale();
const browserMode = () => run(process.execPath, ['dist/browser/browser-mode.js', ...passThrough]);
if (browserOnly) {
  browserMode();
} else {
  const electron = electronBinary();
  const sandbox = electron.path ? await sandboxProblem(electron.path) : null;
  if (sandbox) {
    console.log(`Electron cannot start here: ${sandbox.reason}. Fix: ${sandbox.fix}. Starting browser mode instead.`);
    browserMode();
  } else if (electron.path) {
    run(electron.path, ['.', ...passThrough]);
  } else {
    console.log(`Electron is not available here (${electron.reason}); starting browser mode instead.`);
    browserMode();
  }
}
