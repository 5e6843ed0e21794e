import { spawn } from 'node:child_process';

export interface OpenContext {
  /** `--no-open` given. */
  noOpen: boolean;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Whether stdout is a terminal: a person started it (not a test harness, a pipe, a service). */
  isTTY: boolean;
}

/**
 * Whether browser mode opens the address in the default browser: yes when a person runs
 * it at a terminal with a display; never with `--no-open`, under CI, when its output goes
 * to a pipe (tests, `npm run dev`'s core) or where there is no display to show a browser on.
 */
export function shouldOpenBrowser(ctx: OpenContext): { open: true } | { open: false; reason: string } {
  if (ctx.noOpen) return { open: false, reason: '--no-open' };
  if (ctx.env.MOTIF_CONTROL_NO_OPEN) return { open: false, reason: 'MOTIF_CONTROL_NO_OPEN is set' };
  if (ctx.env.CI && ctx.env.CI !== 'false' && ctx.env.CI !== '0') return { open: false, reason: 'CI' };
  if (!ctx.isTTY) return { open: false, reason: 'output is not a terminal' };
  const unixLike = ctx.platform !== 'win32' && ctx.platform !== 'darwin';
  if (unixLike && !ctx.env.DISPLAY && !ctx.env.WAYLAND_DISPLAY) return { open: false, reason: 'no display' };
  return { open: true };
}

/** The command that opens a URL in the default browser on this platform. */
export function openCommand(url: string, platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd builtin; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens the URL and forgets about it; resolves with the reason when the opener could not be started. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const { command, args } = openCommand(url, platform);
  return new Promise((resolve) => {
    // cmd's own quoting: the empty title and the URL go through as written.
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: platform === 'win32' });
    child.once('error', (e) => resolve(`${command}: ${e.message}`));
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
}
