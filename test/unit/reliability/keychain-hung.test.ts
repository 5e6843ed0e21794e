/**
 * Reliability: a D-Bus that accepts connections and never answers (the keychain hangs).
 * motifctl says so at the keychain timeout and exits right after; browser mode waits for the
 * keychain once, not once per request, and exits promptly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRigs } from '../../../src-main/core/registry/open-rigs';
import { SecretStore } from '../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../main/core/secrets/memory-keychain';
import { pageClient, startBrowserMode } from './browser-mode-process';

/** SecretStore's default: a keychain silent this long is unavailable. */
const KEYCHAIN_TIMEOUT_MS = 15_000;
/** Time allowed after the keychain error for a process to end. */
const EXIT_SLACK_MS = 5_000;

const base = mkdtempSync(join(tmpdir(), 'motif-reliability-keychain-'));
const busPath = join(base, 'silent-bus');
const configDir = join(base, 'config');
const silentEnv = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${busPath}`, DISPLAY: '', MOTIF_CONTROL_CONFIG_DIR: configDir };
let bus: Server;
const busConnections: Socket[] = [];

beforeAll(async () => {
  // Accepts, reads, never writes: a D-Bus daemon that hangs.
  bus = createServer((socket) => {
    busConnections.push(socket);
    socket.on('error', () => {});
    socket.resume();
  });
  await new Promise<void>((resolve) => bus.listen(busPath, resolve));
  const rigs = openRigs({ configDir, secrets: new SecretStore(new MemoryKeychain()) });
  for (const [i, name] of ['arena1', 'arena2', 'arena3'].entries()) rigs.registry.add({ name, host: '127.0.0.1', port: 9 + i, trust: { kind: 'fingerprint', sha256: 'ab'.repeat(32) } });
  await rigs.close();
});
afterAll(async () => {
  for (const socket of busConnections) socket.destroy();
  await new Promise<void>((resolve) => bus.close(() => resolve()));
  rmSync(base, { recursive: true, force: true });
});

interface CliRun {
  code: number | null;
  stderr: string;
  errorAtMs: number | null;
  exitAtMs: number;
  wedged: boolean;
}

/** motifctl as a process, killed (and counted wedged) if it is still running after `limitMs`. */
function motifctl(args: string[], limitMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/motifctl.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...silentEnv, MOTIF_HOST: '', MOTIF_PORT: '', MOTIF_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let errorAtMs: number | null = null;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (errorAtMs === null && /keychain/i.test(stderr)) errorAtMs = performance.now() - started;
    });
    child.stdout.resume();
    let wedged = false;
    const timer = setTimeout(() => {
      wedged = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, errorAtMs, exitAtMs: performance.now() - started, wedged });
    });
  });
}

const s = (ms: number | null) => (ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);

describe('reliability: a keychain that never answers', () => {
  it('motifctl exits right after saying so, and browser mode waits once and stops on SIGTERM', async () => {
    const cliRun = motifctl(['status', '--rig', 'arena1'], 50_000);

    const browserRun = (async () => {
      const browser = await startBrowserMode({ configDir, env: silentEnv });
      try {
        const page = await pageClient(browser.port);
        const keyStatesOf = (rigs: unknown) => (rigs as { keyState: string }[]).map((rig) => rig.keyState);
        const told = page.nextEvent('rigs.changed', (p) => !keyStatesOf((p as { rigs: unknown }).rigs).includes('checking'));
        const lists: { ms: number; keyStates: string[] }[] = [];
        const t0 = performance.now();
        const first = await page.call('rigs.list', {});
        lists.push({ ms: performance.now() - t0, keyStates: first.ok ? keyStatesOf(first.value) : [] });
        const changed = keyStatesOf(((await told) as { rigs: unknown }).rigs);
        const toldMs = performance.now() - t0;
        for (let i = 0; i < 2; i++) {
          const t = performance.now();
          const r = await page.call('rigs.list', {});
          const rigs = r.ok ? (r.value as { keyState: string }[]) : [];
          lists.push({ ms: performance.now() - t, keyStates: rigs.map((rig) => rig.keyState) });
        }
        page.close();
        const signalled = performance.now();
        browser.child.kill('SIGTERM');
        const ended = await Promise.race([browser.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
        return { lists, changed, toldMs, exitMs: ended ? ended.atMs - signalled : null };
      } finally {
        await browser.stop();
      }
    })();

    // Another browser mode is stopped while its first keychain call still hangs.
    const stopWhileHung = (async () => {
      const browser = await startBrowserMode({ configDir, env: silentEnv });
      try {
        const page = await pageClient(browser.port);
        void page.call('rigs.list', {});
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const signalled = performance.now();
        browser.child.kill('SIGTERM');
        const ended = await Promise.race([browser.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))]);
        return ended ? { exitMs: ended.atMs - signalled, code: ended.code, signal: ended.signal } : null;
      } finally {
        await browser.stop();
      }
    })();

    const [cli, browser, hungStop] = await Promise.all([cliRun, browserRun, stopWhileHung]);
    const cliExitAfterError = cli.errorAtMs === null ? null : cli.exitAtMs - cli.errorAtMs;
    console.log(
      `hung keychain, motifctl: error after ${s(cli.errorAtMs)}, exit ${cli.code} after ${s(cli.exitAtMs)} ` +
        `(${s(cliExitAfterError)} after the error), ${cli.wedged ? 1 : 0} wedged`,
    );
    console.log(
      `hung keychain, browser mode: rigs.list answered after ${browser.lists.map((l) => s(l.ms)).join(', ')} ` +
        `(keys: ${browser.lists.map((l) => [...new Set(l.keyStates)].join('/')).join(', ')}); key states sent after ${s(browser.toldMs)} (${[...new Set(browser.changed)].join(', ')}); ` +
        `exit ${s(browser.exitMs)} after SIGTERM, ${browser.exitMs === null ? 1 : 0} wedged; ` +
        `SIGTERM during a hung call: exit ${hungStop ? `${hungStop.signal ?? hungStop.code} after ${s(hungStop.exitMs)}` : 'never'}, ${hungStop ? 0 : 1} wedged`,
    );

    expect(cli.wedged).toBe(false);
    expect(cli.stderr).toMatch(/keychain could not read the API key/);
    expect(cli.code).toBe(2);
    expect(cliExitAfterError).toBeLessThan(EXIT_SLACK_MS);

    // The rigs are listed at once; the key states follow when the keychain has been waited for, once.
    expect(browser.lists[0]!.keyStates).toEqual(['checking', 'checking', 'checking']);
    expect(browser.lists[0]!.ms).toBeLessThan(2000);
    expect(browser.changed).toEqual(['keychain-unavailable', 'keychain-unavailable', 'keychain-unavailable']);
    expect(browser.toldMs).toBeLessThan(KEYCHAIN_TIMEOUT_MS + EXIT_SLACK_MS);
    for (const list of browser.lists.slice(1)) expect(list.keyStates).toEqual(['keychain-unavailable', 'keychain-unavailable', 'keychain-unavailable']);
    // Once the keychain is known to hang, it is not waited for again.
    expect(browser.lists[1]!.ms).toBeLessThan(2000);
    expect(browser.lists[2]!.ms).toBeLessThan(2000);
    expect(browser.exitMs).not.toBeNull();
    expect(browser.exitMs!).toBeLessThan(EXIT_SLACK_MS);
    // Stopped by its own handler (server and core closed), not cut down by the signal.
    expect(hungStop).toMatchObject({ code: 0, signal: null });
    expect(hungStop!.exitMs).toBeLessThan(EXIT_SLACK_MS);
  }, 75_000);
});
