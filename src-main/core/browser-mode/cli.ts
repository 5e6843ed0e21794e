import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { createAppCore } from '../app-core';
import { appMeta } from '../app-meta';
import { appConfigDir } from '../config-dir';
import { demoConfigDir, ensureDemoRigs } from '../demo/demo-mode';
import { startBrowserServer } from './server';

/** `npm run browser`: the app's window in any local browser, served from this process. */
async function main(): Promise<void> {
  const program = new Command('motif-control-browser')
    .description(`${appMeta.name} in browser mode: the app served on 127.0.0.1`)
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--static <dir>', 'built renderer folder', fileURLToPath(new URL('../renderer/', import.meta.url)))
    .option('--demo', 'run with two simulated rigs, in a separate demo config folder')
    .parse();
  const opts = program.opts<{ port: number; static: string; demo?: boolean }>();
  if (!existsSync(`${opts.static}/index.html`)) {
    console.error(`No built renderer in ${opts.static}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const core = createAppCore({ transport: 'browser', ...(opts.demo ? { configDir: demoConfigDir(appConfigDir()) } : {}) });
  if (opts.demo) await ensureDemoRigs(core);
  const server = await startBrowserServer({ core, staticDir: opts.static, port: opts.port });
  console.log(`${appMeta.name} ${appMeta.version} in browser mode: open ${server.url}`);
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('not a port number');
  return port;
}

void main();
