/**
 * Browser mode as its own process (`src-main/core/browser-mode/cli.ts`, as `npm run browser`
 * runs it), so a crash is seen as what it is: the process gone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { Result } from '../../../src-main/contract/errors';
import { decodeFrame, encodeFrame } from '../../../src-shared/frame-codec';

export const BROWSER_TOKEN = 'reliability-token-0123456789';

export interface BrowserModeProcess {
  child: ChildProcess;
  port: number;
  /** Settles when the process ends: its exit code or signal, and when. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  alive(): boolean;
  /** Resident memory of the process, in MB (Linux). */
  rssMb(): number;
  output(): string;
  stop(): Promise<void>;
}

export async function startBrowserMode(options: { configDir?: string; env?: Record<string, string> } = {}): Promise<BrowserModeProcess> {
  const base = mkdtempSync(join(tmpdir(), 'motif-reliability-browser-'));
  const staticDir = join(base, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<h1>app</h1>');
  const configDir = options.configDir ?? join(base, 'config');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/core/browser-mode/cli.ts', '--static', staticDir, '--port', '0', '--no-open'],
    {
      cwd: process.cwd(),
      env: { ...process.env, CI: 'true', MOTIF_CONTROL_CONFIG_DIR: configDir, MOTIF_CONTROL_BROWSER_TOKEN: BROWSER_TOKEN, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal, atMs: performance.now() });
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 45 s:\n${output}`)), 45_000);
    const look = () => {
      const m = /open http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`browser mode ended before it started:\n${output}`));
    });
  });
  return {
    child,
    port,
    exited,
    alive: () => !ended,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Math.round(Number(m[1]) / 1024) : NaN;
    },
    output: () => output,
    stop: async () => {
      if (ended) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface PageClient {
  ws: WebSocket;
  call(name: string, args: unknown): Promise<Result<unknown>>;
  /** Resolves with the payload of the next event named so that `accept` takes. */
  nextEvent(event: string, accept?: (payload: unknown) => boolean): Promise<unknown>;
  close(): void;
}

/** A client that speaks to browser mode as the page does. */
export function pageClient(port: number): Promise<PageClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${BROWSER_TOKEN}`, {
      headers: { Origin: `http://127.0.0.1:${port}` },
      maxPayload: 256 * 1024 * 1024,
    });
    const pending = new Map<number, (r: Result<unknown>) => void>();
    const waiting = new Set<{ event: string; accept(payload: unknown): boolean }>();
    let nextId = 1;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // A frame holding bytes (a live view's pixels) comes as one binary message.
      const frame = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8')) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      if (typeof frame.event === 'string') {
        for (const waiter of waiting) if (waiter.event === frame.event && waiter.accept(frame.payload)) waiting.delete(waiter);
        return;
      }
      if (typeof frame.id !== 'number' || !frame.result) return;
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    });
    ws.on('close', () => {
      for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: 'connection closed' } });
      pending.clear();
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        call: (name, args) => {
          const id = nextId++;
          const reply = new Promise<Result<unknown>>((r) => pending.set(id, r));
          ws.send(encodeFrame({ id, name, args }));
          return reply;
        },
        nextEvent: (event, accept = () => true) =>
          new Promise((resolveEvent) =>
            waiting.add({
              event,
              accept: (payload) => {
                if (!accept(payload)) return false;
                resolveEvent(payload);
                return true;
              },
            }),
          ),
        close: () => ws.close(),
      }),
    );
  });
}
