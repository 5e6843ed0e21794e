/**
 * keytar in a helper process, for plain Node (motifctl, browser mode). A keychain call that
 * never returns (a D-Bus that does not answer, an unlock prompt nobody sees) blocks a thread
 * of the process that made it, and Node waits for that thread before it can exit, even on
 * process.exit(). Made in a helper, the call is abandoned by ending the helper, and an idle
 * helper holds nothing of this process: it ends when this process does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { KeytarUnavailableError, keytarProblem, type Keychain } from './keychain';

type Op = 'getPassword' | 'findCredentials' | 'setPassword' | 'deletePassword';
type Answer = { id: number; value?: unknown; error?: string };

// The helper's whole program: plain CommonJS, so neither the bundle nor tsx has to build it.
const HELPER = `'use strict';
const keytar = require(process.argv[1]);
const ops = new Set(['getPassword', 'findCredentials', 'setPassword', 'deletePassword']);
process.on('message', (m) => {
  if (!m || !ops.has(m.op)) return;
  Promise.resolve()
    .then(() => keytar[m.op](...m.args))
    .then(
      (value) => process.send({ id: m.id, value: value === undefined ? null : value }),
      (e) => process.send({ id: m.id, error: String((e && e.message) || e) }),
    );
});
process.on('disconnect', () => process.exit(0));
`;

export class KeychainProcess implements Keychain {
  #child: ChildProcess | null = null;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;

  getPassword(service: string, account: string): Promise<string | null> {
    return this.#ask('getPassword', [service, account]) as Promise<string | null>;
  }

  findCredentials(service: string): Promise<{ account: string; password: string }[]> {
    return this.#ask('findCredentials', [service]) as Promise<{ account: string; password: string }[]>;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    await this.#ask('setPassword', [service, account, password]);
  }

  deletePassword(service: string, account: string): Promise<boolean> {
    return this.#ask('deletePassword', [service, account]) as Promise<boolean>;
  }

  /** Ends the helper with every call it has not answered; the next call starts a new one. */
  abandon(reason: string): void {
    const child = this.#child;
    this.#child = null;
    child?.kill('SIGKILL');
    this.#failAll(new Error(reason));
  }

  /** The helper's process id while it runs (tests). */
  get helperPid(): number | undefined {
    return this.#child?.pid;
  }

  #ask(op: Op, args: string[]): Promise<unknown> {
    // Loading the module asks nothing of the keychain; when it cannot load, say why and how to fix it.
    const problem = keytarProblem();
    if (problem) return Promise.reject(new KeytarUnavailableError(problem));
    const child = this.#child ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      hold(child, true);
      child.send({ id, op, args }, (e) => {
        if (e) this.#settle(child, { id, error: e.message });
      });
    });
  }

  #start(): ChildProcess {
    const child = spawn(process.execPath, ['-e', HELPER, createRequire(import.meta.url).resolve('keytar')], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      windowsHide: true,
    });
    this.#child = child;
    // A helper stuck in a call would outlive this process: it goes with it.
    const endWithUs = () => child.kill('SIGKILL');
    process.on('exit', endWithUs);
    child.on('message', (answer: Answer) => this.#settle(child, answer));
    child.on('error', (e) => this.#ended(child, `the keychain helper failed (${e.message})`));
    child.on('exit', (code, signal) => {
      process.off('exit', endWithUs);
      this.#ended(child, `the keychain helper ended (${signal ?? `exit code ${code}`})`);
    });
    return child;
  }

  #settle(child: ChildProcess, answer: Answer): void {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (answer.error !== undefined) pending.reject(new Error(answer.error));
    else pending.resolve(answer.value);
    if (this.#pending.size === 0 && this.#child === child) hold(child, false);
  }

  #ended(child: ChildProcess, reason: string): void {
    if (this.#child !== child) return;
    this.#child = null;
    this.#failAll(new Error(reason));
  }

  #failAll(error: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}

/** An idle helper keeps this process alive no longer; one with a call pending does, until it answers or is abandoned. */
function hold(child: ChildProcess, on: boolean): void {
  if (on) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

let shared: KeychainProcess | undefined;

/** One helper for the whole process. */
export function sharedKeychainProcess(): KeychainProcess {
  shared ??= new KeychainProcess();
  return shared;
}
