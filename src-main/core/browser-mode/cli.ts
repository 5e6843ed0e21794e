import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { createAppCore } from '../app-core';
import { appMeta } from '../app-meta';
import { appConfigDir } from '../config-dir';
import { demoConfigDir, ensureDemoRigs } from '../demo/demo-mode';
import { isLoopbackOrigin } from './access-check';
import { startBrowserServer } from './server';

const TOKEN_ENV = 'MOTIF_CONTROL_BROWSER_TOKEN';

/** `npm run browser`: the app's window in any local browser, served from this process. */
async function main(): Promise<void> {
  const program = new Command('motif-control-browser')
    .description(`${appMeta.name} in browser mode: the app served on 127.0.0.1`)
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--static <dir>', 'built renderer folder', fileURLToPath(new URL('../renderer/', import.meta.url)))
    .option('--demo', 'run with two simulated rigs, in a separate demo config folder')
    .option('--dev-origin <origin>', 'also accept the WebSocket from this loopback origin (`npm run dev`)', parseDevOrigin)
    .parse();
  const opts = program.opts<{ port: number; static: string; demo?: boolean; devOrigin?: string }>();
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
  const core = createAppCore({ transport: 'browser', ...(opts.demo ? { configDir: demoConfigDir(appConfigDir()) } : {}) });
  if (opts.demo) await ensureDemoRigs(core);
  const server = await startBrowserServer({
    core,
    staticDir: opts.static,
    port: opts.port,
    ...(token ? { token } : {}),
    ...(opts.devOrigin ? { devOrigin: opts.devOrigin } : {}),
  });
  console.log(`${appMeta.name} ${appMeta.version} in browser mode: open ${server.url}`);
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
