import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { createAppCore } from '../app-core';
import { appMeta } from '../app-meta';
import { appConfigDir } from '../config-dir';
import { demoConfigDir, ensureDemoRigs } from '../demo/demo-mode';
import { keychainStartupLine } from '../secrets/keychain';
import { isLoopbackOrigin } from './access-check';
import { openBrowser, shouldOpenBrowser } from './open-browser';
import { readSavedAddress, saveAddress } from './saved-address';
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server';

const TOKEN_ENV = 'MOTIF_CONTROL_BROWSER_TOKEN';

/** `npm run browser`: the app's window in any local browser, served from this process. */
async function main(): Promise<void> {
  const program = new Command('motif-control-browser')
    .description(`${appMeta.name} in browser mode: the app served on 127.0.0.1`)
    .option('--port <port>', 'port to listen on (0 = any free port; default: the one of the last run, kept in the config folder)', parsePort)
    .option('--static <dir>', 'built renderer folder', fileURLToPath(new URL('../renderer/', import.meta.url)))
    .option('--demo', 'run with two simulated rigs, in a separate demo config folder')
    .option('--dev-origin <origin>', 'also accept the WebSocket from this loopback origin (`npm run dev`)', parseDevOrigin)
    .option('--no-open', 'do not open the address in the default browser (never opened under CI, without a display or a terminal)')
    .parse();
  const opts = program.opts<{ port?: number; static: string; demo?: boolean; devOrigin?: string; open: boolean }>();
  // `npm run dev` keeps one token across core restarts; the environment keeps it out of `ps`.
  const token = process.env[TOKEN_ENV] || undefined;
  delete process.env[TOKEN_ENV];
  if (token !== undefined && token.length < 16) {
    console.error(`${TOKEN_ENV} is too short: use at least 16 random characters.`);
    process.exit(1);
  }
  if (!existsSync(`${opts.static}/index.html`)) {
    console.error(`No built renderer in ${opts.static}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const configDir = opts.demo ? demoConfigDir(appConfigDir()) : appConfigDir();
  // The same port and token as last time for this config folder, so an open tab reconnects.
  // `npm run dev` brings its own (environment token): nothing is read or saved then.
  const saved = token === undefined ? await readSavedAddress(configDir) : undefined;
  const core = createAppCore({ transport: 'browser', configDir });
  if (opts.demo) await ensureDemoRigs(core);
  const serverOptions: BrowserServerOptions = {
    core,
    staticDir: opts.static,
    port: opts.port ?? saved?.port ?? 0,
    ...(token ?? saved?.token ? { token: token ?? saved?.token } : {}),
    ...(opts.devOrigin ? { devOrigin: opts.devOrigin } : {}),
  };
  let server: BrowserServer;
  let fellBack = false;
  try {
    server = await startBrowserServer(serverOptions);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || opts.port !== undefined) throw e;
    // Last run's port is taken (by another program, or another browser mode on this folder).
    console.warn(`Port ${serverOptions.port} of the last run is in use; using another one this time.`);
    server = await startBrowserServer({ ...serverOptions, port: 0 });
    fellBack = true;
  }
  // A port taken only this once stays the saved one.
  if (token === undefined && !fellBack) {
    await saveAddress(configDir, { port: server.port, token: server.token }).catch((e: unknown) =>
      console.warn(`Could not keep the address for the next run (${e instanceof Error ? e.message : String(e)}).`),
    );
  }
  console.log(`${appMeta.name} ${appMeta.version} in browser mode: open ${server.url}`);
  const keychainLine = keychainStartupLine();
  if (keychainLine) {
    console.warn(keychainLine);
    core.notices.add('warning', keychainLine);
  }
  const open = shouldOpenBrowser({ noOpen: !opts.open, env: process.env, platform: process.platform, isTTY: process.stdout.isTTY === true });
  if (open.open) {
    const failed = await openBrowser(server.url);
    if (failed) console.warn(`Could not open a browser (${failed}): open the address above.`);
  }
  exitOnSignal(async () => {
    await server.close();
    await core.close();
  });
}

/** How long SIGINT or SIGTERM waits for the server and the core to close before exiting anyway. */
const STOP_GRACE_MS = 3000;

/**
 * SIGINT and SIGTERM close the server and the core, and exit within STOP_GRACE_MS whatever
 * still hangs (a keychain or rig call that does not answer); a second signal exits at once.
 */
function exitOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(0);
    stopping = true;
    setTimeout(() => {
      console.warn(`Closing took over ${STOP_GRACE_MS / 1000} s; exiting without waiting longer.`);
      process.exit(0);
    }, STOP_GRACE_MS).unref();
    close()
      .catch((e: unknown) => console.error('Closing failed:', e))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parseDevOrigin(value: string): string {
  if (!isLoopbackOrigin(value)) throw new InvalidArgumentError('not an http origin on 127.0.0.1 or localhost with a port');
  return value;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('not a port number');
  return port;
}

void main();
