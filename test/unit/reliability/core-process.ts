import { createInterface } from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import { startChild, type ChildResult } from './run-child';

/** An app core in a child process (children/app-core.ts), asked things line by line. */
export class CoreProcess {
  readonly lines: unknown[] = [];
  readonly #waiters: { match: (v: Record<string, unknown>) => boolean; resolve: (v: Record<string, unknown>) => void }[] = [];
  readonly child: ChildProcess;
  readonly done: Promise<ChildResult>;

  private constructor(configDir: string, rigId: string, apiKey: string) {
    const started = startChild('app-core.ts', [configDir, rigId, apiKey], {}, { keepStdin: true });
    this.child = started.child;
    this.done = started.done;
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      this.lines.push(value);
      const i = this.#waiters.findIndex((w) => w.match(value));
      if (i >= 0) this.#waiters.splice(i, 1)[0]!.resolve(value);
    });
  }

  static async start(configDir: string, rigId: string, apiKey: string): Promise<CoreProcess> {
    const p = new CoreProcess(configDir, rigId, apiKey);
    await p.next((v) => v.ready === true, 60_000);
    return p;
  }

  /** The next line matching `match`. */
  next(match: (v: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer from the core process within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({
        match,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }

  send(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  async ask(line: string, key: string): Promise<Record<string, unknown>> {
    const answer = this.next((v) => key in v);
    this.send(line);
    return answer;
  }

  queuedSoFar(): string[] {
    return this.lines.flatMap((l) => (typeof (l as { queued?: unknown }).queued === 'string' ? [(l as { queued: string }).queued] : []));
  }

  async exit(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send('exit');
    await Promise.race([this.done, new Promise((r) => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
