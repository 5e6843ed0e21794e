import { parentPort } from 'node:worker_threads';
import type { OpenReceiver } from './receiver';
import { serveReceivers } from './receiver-port';

/** What the thread posts before it ends on an error of its own: the error, in words. */
export interface ThreadFatal {
  fatal: string;
}

/**
 * Serves receivers from a worker thread (see worker-receivers.ts). A thread that ends with
 * ZeroMQ sockets open takes the whole process down (zeromq.js #411, "ZeroMQ doesn't exit
 * cleanly within a worker_thread"), so an error nothing caught here ends the thread only
 * after every receiver, and with it every socket, is closed; the error is told first.
 */
export function serveReceiversInThread(open: OpenReceiver): void {
  const port = parentPort;
  if (!port) throw new Error('receivers are served from a worker thread (see worker-receivers.ts)');
  const served = serveReceivers(
    {
      post: (message) => port.postMessage(message),
      postMoving: (message, buffers) => port.postMessage(message, buffers),
      onMessage: (listener) => port.on('message', listener),
      onClose: () => undefined, // this thread ends with its parent
    },
    open,
  );
  let ending = false;
  const end = (error: unknown) => {
    if (ending) return;
    ending = true;
    const fatal: ThreadFatal = { fatal: error instanceof Error ? error.message : String(error) };
    port.postMessage(fatal);
    void served.closeAll().finally(() => process.exit(1)); // in a worker, ends this thread only
  };
  process.on('uncaughtException', end);
  process.on('unhandledRejection', end);
}
