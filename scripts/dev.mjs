// `npm run dev`: browser mode for development, with the renderer hot-reloaded and the core
// restarted whenever src-main changes. Extra arguments go to the core (`npm run dev -- --demo`).
//
// - Vite's dev server serves src-renderer on 127.0.0.1 (5173, or the next free port) with HMR,
//   and proxies the renderer's WebSocket (/ws) to the core.
// - esbuild watches the core's sources and rebuilds dist/browser/browser-mode.js; after each
//   successful rebuild the core child is stopped and started again on the same port with the
//   same token, then the page is told (over Vite's HMR channel) to reload and so reconnects.
//   A build error keeps the running core.
// - The core accepts the proxied WebSocket because it runs with `--dev-origin <Vite's origin>`;
//   the token (kept in the environment, MOTIF_CONTROL_BROWSER_TOKEN) is still required.
//
// Open the one address it prints. Ctrl-C stops everything.
import { browserModeEntries, nodeBundleOptions } from './node-bundle.mjs';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { context } from 'esbuild';
import { createLogger, createServer } from 'vite';

const HOST = '127.0.0.1';
const CORE_BUNDLE = browserModeEntries[0].out;
const coreArgs = process.argv.slice(2);
const token = randomBytes(24).toString('base64url');
let child = null;
let shuttingDown = false;

/** A port free right now on 127.0.0.1; the core keeps it across restarts so the tab's address stays valid. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const corePort = await freePort();

// The core insists on a renderer folder; in dev the page comes from Vite, so its own port only says so.
const placeholderDir = mkdtempSync(join(tmpdir(), 'motif-control-dev-'));
writeFileSync(
  join(placeholderDir, 'index.html'),
  '<!doctype html><title>Motif Control (dev core)</title><p>This is the core of <code>npm run dev</code>. Open the address printed in its terminal.</p>\n',
);
// Whatever ends this process (an uncaught error included) takes the core and the placeholder with it.
process.on('exit', () => {
  child?.kill('SIGTERM');
  rmSync(placeholderDir, { recursive: true, force: true });
});

// The core resets its sockets whenever it restarts: expected, not worth a stack trace.
const logger = createLogger();
const logError = logger.error.bind(logger);
logger.error = (message, options) => {
  if (options?.error?.code === 'ECONNRESET' && message.includes('ws proxy')) return;
  logError(message, options);
};

const sigtermBefore = new Set(process.listeners('SIGTERM'));
const vite = await createServer({
  configFile: 'vite.config.ts',
  clearScreen: false,
  customLogger: logger,
  server: {
    host: HOST,
    port: 5173,
    strictPort: false,
    proxy: {
      // Only the bridge's socket; Vite's own HMR socket stays with Vite.
      '^/ws(\\?|$)': { target: `http://${HOST}:${corePort}`, ws: true, changeOrigin: true },
    },
  },
});
// Vite exits on SIGTERM by itself; this script's shutdown closes it after stopping the core.
for (const listener of process.listeners('SIGTERM')) if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener);
await vite.listen();
const viteOrigin = `http://${HOST}:${vite.httpServer.address().port}`;

/** Start the core; resolves true once it listens, false if it exits first. */
function startCore() {
  return new Promise((resolve) => {
    const core = spawn(
      process.execPath,
      ['--enable-source-maps', CORE_BUNDLE, '--port', String(corePort), '--static', placeholderDir, '--dev-origin', viteOrigin, ...coreArgs],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MOTIF_CONTROL_BROWSER_TOKEN: token } },
    );
    child = core;
    createInterface({ input: core.stdout }).on('line', (line) => {
      // The core's own address would open the placeholder: the page to open is Vite's.
      if (/ in browser mode: open http/.test(line)) resolve(true);
      else console.log(line);
    });
    core.once('exit', (code, signal) => {
      if (child === core) child = null;
      if (!shuttingDown && !core.stopping) console.log(`[dev] core exited (${signal ?? code}); it restarts on the next change under src-main`);
      resolve(false);
    });
  });
}

function stopCore() {
  const core = child;
  if (!core || core.exitCode !== null || core.signalCode !== null) return Promise.resolve();
  core.stopping = true;
  return new Promise((resolve) => {
    const kill = setTimeout(() => core.kill('SIGKILL'), 5_000);
    core.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    core.kill('SIGTERM');
  });
}

let announced = false;
let restartWanted = false;
let restarting = null;

/** (Re)start the core, once per burst of builds: saves during a restart fold into one more restart. */
function requestRestart() {
  restartWanted = true;
  restarting ??= (async () => {
    while (restartWanted && !shuttingDown) {
      restartWanted = false;
      const restart = child !== null;
      await stopCore();
      if (shuttingDown || !(await startCore())) continue;
      if (!announced) {
        announced = true;
        console.log(`Motif Control dev: open ${viteOrigin}/#token=${token}`);
      } else {
        console.log(`[dev] core ${restart ? 'restarted' : 'started'}; reloading the page`);
        vite.ws.send({ type: 'full-reload', path: '*' });
      }
    }
    restarting = null;
  })();
}

const restartCore = {
  name: 'restart-core',
  setup(build) {
    build.onEnd((result) => {
      if (shuttingDown) return;
      if (result.errors.length === 0) requestRestart();
      else console.log(child ? '[dev] core build failed; the running core stays up' : '[dev] core build failed; save a fix to start it');
    });
  },
};

const coreBuild = await context({
  ...nodeBundleOptions,
  // The core and its stream worker, each to the file `npm run build` writes (esbuild adds .js).
  entryPoints: browserModeEntries.map((entry) => ({ in: entry.in, out: entry.out.replace(/\.js$/, '') })),
  outdir: '.',
  plugins: [restartCore],
});
await coreBuild.watch();

async function shutdown() {
  if (shuttingDown) return;
  shuttingDown = true;
  await coreBuild.dispose();
  await restarting;
  await stopCore();
  await vite.close();
  rmSync(placeholderDir, { recursive: true, force: true });
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown());
