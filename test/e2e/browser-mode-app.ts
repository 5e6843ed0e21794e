import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running `browser-mode` process (the built app) and the URL it printed. */
export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

export async function startBrowserMode(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, ['dist/browser/browser-mode.js', '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL in time. ${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = line.match(/open (http:\/\/\S+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
