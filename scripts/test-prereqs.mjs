// `npm test` runs this first: it makes sure the machine has what the suite needs, then runs
// the suite (the command given as arguments) where the keychain tests can use a real keychain.
//
//   node scripts/test-prereqs.mjs npm run test:all     (what `npm test` runs)
//   node scripts/test-prereqs.mjs --check              (only report)
//
// On Linux the suite needs Chromium (end-to-end tests; or CHROMIUM_PATH), libsecret's headers
// and pkg-config (keytar builds from source), gnome-keyring and D-Bus (a throwaway keychain).
// What is missing is installed with apt-get when this runs as root or with passwordless sudo;
// otherwise it stops at once, naming the one command that would install it. keytar is then
// built if it is not (npm skips it, an optional dependency, when libsecret was missing), and
// the suite runs inside scripts/with-keyring.sh unless it already does. Nothing is skipped
// silently: either everything the suite needs is here, or the suite does not start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian package for each thing the suite needs on Linux. */
export const LINUX_PACKAGES = {
  chromium: 'chromium',
  libsecret: 'libsecret-1-dev',
  pkgConfig: 'pkg-config',
  keyringDaemon: 'gnome-keyring',
  dbusRunSession: 'dbus',
  dbusLaunch: 'dbus-x11',
};

/**
 * What to do, from what is on the machine: packages to install and how, keytar to build,
 * whether to wrap the suite in a keyring session; or `stop` with the words to print.
 * @param {import('./test-prereqs.d.mts').Facts} f
 * @returns {import('./test-prereqs.d.mts').Plan}
 */
export function planPrereqs(f) {
  if (f.platform !== 'linux') {
    // macOS and Windows have their own keychain; the only outside need is a Chromium for the end-to-end tests.
    if (!f.chromium) {
      const example = f.platform === 'darwin' ? "'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'" : '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"';
      return {
        stop: `npm test needs a Chromium or Chrome for the end-to-end tests${f.chromiumPath ? ` (CHROMIUM_PATH=${f.chromiumPath} does not exist)` : ''}: run it as CHROMIUM_PATH=${example} npm test`,
      };
    }
    return { install: [], installVia: null, keytar: keytarStep(f, true), wrap: false };
  }
  if (f.chromiumPath && !f.chromium) return { stop: `CHROMIUM_PATH=${f.chromiumPath} does not exist: point it at a Chromium binary, or unset it to use /usr/bin/chromium.` };
  const install = Object.entries(LINUX_PACKAGES)
    .filter(([need]) => !f[need])
    .map(([, pkg]) => pkg);
  let installVia = null;
  if (install.length > 0) {
    const again = `apt-get install -y --no-install-recommends ${install.join(' ')}`;
    if (!f.hasAptGet) {
      return { stop: `npm test needs ${install.join(', ')} (Debian's names) and this machine has no apt-get: install them with its package manager, then run npm test again.` };
    }
    if (f.isRoot) installVia = 'root';
    else if (f.canSudo) installVia = 'sudo';
    else return { stop: `npm test needs ${install.join(', ')}, which only root can install: run  sudo apt-get update && sudo ${again} && npm test` };
  }
  const libsecretAfterwards = f.libsecret || install.includes(LINUX_PACKAGES.libsecret);
  return { install, installVia, keytar: keytarStep(f, libsecretAfterwards), wrap: !f.insideKeyring };
}

/** keytar: nothing to do, `npm install` (npm left the optional dependency out) or `npm rebuild keytar`. */
function keytarStep(f, canBuild) {
  if (f.keytarLoads) return 'ok';
  if (!canBuild) return 'ok';
  return f.keytarPresent ? 'rebuild' : 'install';
}

const onPath = (name) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, name)));

const ok = (command, args, options = {}) => spawnSync(command, args, { stdio: 'ignore', ...options }).status === 0;

function keytarLoads() {
  return ok(process.execPath, ['-e', "require('keytar')"], { cwd: root });
}

/** @returns {import('./test-prereqs.d.mts').Facts} */
export function gatherFacts(env = process.env) {
  const chromiumPath = env.CHROMIUM_PATH || undefined;
  const isRoot = process.getuid?.() === 0;
  return {
    platform: process.platform,
    isRoot,
    canSudo: !isRoot && onPath('sudo') && ok('sudo', ['-n', 'true']),
    hasAptGet: onPath('apt-get'),
    chromiumPath,
    chromium: existsSync(chromiumPath ?? '/usr/bin/chromium'),
    libsecret: onPath('pkg-config') && ok('pkg-config', ['--exists', 'libsecret-1']),
    pkgConfig: onPath('pkg-config'),
    keyringDaemon: onPath('gnome-keyring-daemon'),
    dbusRunSession: onPath('dbus-run-session'),
    dbusLaunch: onPath('dbus-launch'),
    keytarPresent: existsSync(path.join(root, 'node_modules/keytar/package.json')),
    keytarLoads: keytarLoads(),
    insideKeyring: env.WITH_KEYRING_INNER === '1',
  };
}

function fail(message) {
  console.error(`test prerequisites: ${message}`);
  process.exit(1);
}

function run(command, args, what) {
  console.log(`test prerequisites: ${what}`);
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) fail(`${what} failed (${[command, ...args].join(' ')} exited ${r.status ?? r.signal})`);
}

function main() {
  const args = process.argv.slice(2);
  const checkOnly = args[0] === '--check';
  let facts = gatherFacts();
  const plan = planPrereqs(facts);
  if ('stop' in plan) fail(plan.stop);
  if (checkOnly) {
    console.log(JSON.stringify({ facts, plan }, null, 2));
    return;
  }

  if (plan.install.length > 0) {
    const sudo = plan.installVia === 'sudo' ? ['sudo', '-n'] : [];
    const apt = (aptArgs) => (sudo.length ? ['sudo', ['-n', 'apt-get', ...aptArgs]] : ['apt-get', aptArgs]);
    run(...apt(['update', '-qq']), 'apt-get update');
    run(...apt(['install', '-y', '-qq', '--no-install-recommends', ...plan.install]), `installing ${plan.install.join(' ')}`);
    facts = gatherFacts();
    const still = planPrereqs(facts);
    if ('stop' in still || still.install.length > 0) {
      fail(`still missing after apt-get install: ${'stop' in still ? still.stop : still.install.join(', ')}`);
    }
  }
  const keytar = planPrereqs(facts);
  if (!('stop' in keytar) && keytar.keytar !== 'ok') {
    if (keytar.keytar === 'install') run('npm', ['install', '--no-save', '--no-audit', '--no-fund'], 'installing keytar (npm left it out: libsecret was missing)');
    else run('npm', ['rebuild', 'keytar'], 'building keytar');
    if (!keytarLoads()) fail("keytar still does not load: see `node -e \"require('keytar')\"`");
  }
  if (!keytarLoads()) {
    fail("keytar does not load and the keychain tests need it: see `node -e \"require('keytar')\"`");
  }

  const command = args.length > 0 ? args : ['npm', 'run', 'test:all'];
  const wrapped = plan.wrap ? [path.join(root, 'scripts/with-keyring.sh'), ...command] : command;
  console.log(
    `test prerequisites: Chromium, keychain module${process.platform === 'linux' ? ', libsecret, gnome-keyring and D-Bus' : ''} present;` +
      (plan.wrap ? ' running the suite in a throwaway D-Bus session with its own unlocked gnome-keyring' : ' running the suite'),
  );
  const child = spawn(wrapped[0], wrapped.slice(1), { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
