// Runs the packed app's --self-test (src-main/shell/self-test.ts) and exits with its code:
// the app as users get it (asar, fuses, signature, native modules rebuilt for Electron, the
// utility process, the sandbox), launched without --no-sandbox in a throwaway config folder.
//
//   node scripts/self-test-packed.mjs                 the unpacked app electron-builder made in release/
//   node scripts/self-test-packed.mjs <executable>    another: the deb's installed binary, an AppImage
//
// .github/workflows/desktop.yml runs it on Linux (under Xvfb), Windows and macOS.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const productName = 'Motif Control';
const executableName = 'motif-control';

/**
 * Where electron-builder puts the unpacked app for this OS and CPU (release/linux-unpacked,
 * win-unpacked, mac or mac-arm64), or null for a platform it does not build.
 * @param {NodeJS.Platform} platform
 * @param {string} arch
 * @param {string} releaseDir
 * @returns {string | null}
 */
export function packedExecutable(platform, arch, releaseDir) {
  if (platform === 'linux') return path.join(releaseDir, arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked', executableName);
  if (platform === 'win32') return path.join(releaseDir, arch === 'arm64' ? 'win-arm64-unpacked' : 'win-unpacked', `${productName}.exe`);
  if (platform === 'darwin') return path.join(releaseDir, arch === 'arm64' ? 'mac-arm64' : 'mac', `${productName}.app`, 'Contents', 'MacOS', productName);
  return null;
}

/**
 * The arguments and environment for one self-test run in `base`: its own Chromium profile,
 * config folder and XDG config (the single-instance lock and start-at-login stay away from a
 * real install). Never --no-sandbox.
 * @param {string} base
 * @param {Record<string, string | undefined>} env
 */
export function selfTestLaunch(base, env) {
  return {
    args: ['--self-test', `--user-data-dir=${path.join(base, 'user-data')}`],
    env: {
      ...env,
      MOTIF_CONTROL_CONFIG_DIR: path.join(base, 'config'),
      XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
      ELECTRON_RUN_AS_NODE: undefined,
      ELECTRON_ENABLE_LOGGING: '1',
    },
  };
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const executable = process.argv[2] ?? packedExecutable(process.platform, process.arch, path.join(root, 'release'));
  if (!executable || !existsSync(executable)) {
    console.error(`No packed app at ${executable ?? `(none for ${process.platform})`}: run npm run dist first, or name the executable.`);
    process.exit(1);
  }
  const base = mkdtempSync(path.join(tmpdir(), 'motif-self-test-'));
  const { args, env } = selfTestLaunch(base, process.env);
  console.log(`self-test: ${executable} ${args.join(' ')}`);
  const r = spawnSync(executable, args, { stdio: 'inherit', env, timeout: 180_000 });
  rmSync(base, { recursive: true, force: true });
  if (r.error) console.error(`self-test: could not run it: ${r.error.message}`);
  if (r.signal) console.error(`self-test: it ended on ${r.signal} (a crash, or the 180 s limit)`);
  process.exit(r.status ?? 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
