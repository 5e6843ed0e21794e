import { utilityProcess, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { keytarProblem } from '../core/secrets/keychain';
import type { SelfTestCheck } from './self-test';

const receiverModule = fileURLToPath(new URL('./live-receiver.js', import.meta.url));

/** The Electron side of --self-test: each check drives the real window, process or module. */
export function selfTestChecks(o: { window: () => BrowserWindow | null; trayMade: () => boolean; sandboxed: boolean }): SelfTestCheck[] {
  return [
    [
      'window',
      async () => {
        const win = o.window();
        if (!win) throw new Error('no window was opened');
        if (win.webContents.isLoading()) await new Promise<void>((resolve) => win.webContents.once('did-finish-load', () => resolve()));
        return `${win.webContents.getURL().replace(/^.*\/renderer\//, 'renderer/')} loaded, title "${win.getTitle()}"`;
      },
    ],
    [
      'preload bridge and IPC gate',
      async () => {
        const win = o.window();
        if (!win) throw new Error('no window');
        // The page's own world, as the renderer calls it: window.motif from the preload, answered by the core.
        const answer: unknown = await win.webContents.executeJavaScript(
          "window.motif.call('app.info', {}).then((r) => (r.ok ? r.value.name + ' over ' + r.value.transport : 'refused: ' + r.error.message))",
        );
        if (answer !== 'Motif Control over electron') throw new Error(`app.info answered ${JSON.stringify(answer)}`);
        return String(answer);
      },
    ],
    [
      'tray',
      async () => {
        if (!o.trayMade()) throw new Error('no tray icon could be made');
        return 'made';
      },
    ],
    ['live-stream utility process (zeromq inside Electron)', () => liveProcessRoundTrip()],
    [
      'keychain module',
      async () => {
        const problem = keytarProblem();
        if (problem) throw new Error(`${problem.reason}; fix: ${problem.fix}`);
        return 'keytar loads';
      },
    ],
    ['sandbox', async () => (o.sandboxed ? "Chromium's sandbox on" : 'running with --no-sandbox')],
  ];
}

/** Forks the stream process, opens and closes a receiver on a loopback address: proves it starts, loads zeromq and answers. */
function liveProcessRoundTrip(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = utilityProcess.fork(receiverModule, [], { serviceName: 'Motif Control self-test' });
    const done = (error: Error | null, seen = '') => {
      child.removeAllListeners();
      child.kill();
      if (error) reject(error);
      else resolve(seen);
    };
    child.on('error', (type, location) => done(new Error(`${type} at ${location}`)));
    child.once('exit', (code) => done(new Error(`it exited with code ${code}`)));
    child.on('message', (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('req' in message) || message.req !== 1) return;
      if ('closed' in message && message.closed === true) done(null, 'started, opened and closed a receiver');
      else done(new Error(`it answered ${JSON.stringify(message)}`));
    });
    child.once('spawn', () => {
      child.postMessage({ kind: 'open', id: 1, endpoints: { image: 'tcp://127.0.0.1:9', state: 'tcp://127.0.0.1:9' } });
      child.postMessage({ kind: 'close', id: 1, req: 1 });
    });
  });
}
