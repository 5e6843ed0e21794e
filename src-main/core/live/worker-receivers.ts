import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpenReceiver } from './receiver';
import { receiversOverPort, type PortLike } from './receiver-port';
import type { ThreadFatal } from './receiver-thread';

/** The worker's bundle, built beside the bundle that starts it (browserModeEntries in scripts/node-bundle.mjs). */
export const RECEIVER_WORKER_BUNDLE = 'live-receiver-worker.js';
const built = new URL(`./${RECEIVER_WORKER_BUNDLE}`, import.meta.url);
const source = new URL('./receiver-worker.ts', import.meta.url);
const tsWorker = new URL('./ts-worker.mjs', import.meta.url);

/** The parts of a worker thread (node:worker_threads' Worker) the port uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

/** One line for an error that ended the stream thread. */
export function workerErrorLine(error: string): string {
  return `The live-stream thread stopped on an error (${error}); live views reconnect to a new one.`;
}

const isFatal = (message: unknown): message is ThreadFatal =>
  typeof message === 'object' && message !== null && typeof (message as Partial<ThreadFatal>).fatal === 'string';

/**
 * The port over a worker thread. The thread tells an error of its own before it closes its
 * streams and ends (receiver-thread.ts): the port ends then, so views fail at once and the
 * next one starts a new thread. An error it could not catch (its module failed to load) is
 * emitted as 'error' on the worker, which an EventEmitter throws here when nothing listens;
 * both are reported in one line.
 */
export function portOverWorker(worker: WorkerLike, report: (line: string) => void): PortLike {
  const closeListeners: (() => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const listener of closeListeners) listener();
  };
  worker.on('error', (error) => report(workerErrorLine(error.message)));
  worker.on('message', (message) => {
    if (!isFatal(message)) return;
    report(workerErrorLine(message.fatal));
    end();
  });
  worker.once('exit', end);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onClose: (listener) => closeListeners.push(listener),
  };
}

/** Runs the TypeScript module `module` in a worker thread, through tsx's loader (the core run from source). */
export function startSourceWorker(module: URL): Worker {
  return new Worker(tsWorker, { workerData: { source: module.href } });
}

/** A worker thread running receiver-worker.ts: the bundle when built, else the source. */
export function startReceiverWorker(): Worker {
  return existsSync(fileURLToPath(built)) ? new Worker(built) : startSourceWorker(source);
}

/**
 * Camera streams received in a worker thread, started when the first live view opens (and
 * again if it ended): frames are read, binned and measured off the thread that answers
 * requests. The thread does not keep the process alive. It must never be terminated while
 * streams are open: see receiver-thread.ts.
 */
export function workerReceivers(report: (line: string) => void, start: () => WorkerLike & { unref(): void } = startReceiverWorker): OpenReceiver {
  return receiversOverPort(() => {
    const worker = start();
    worker.unref();
    return portOverWorker(worker, report);
  });
}
