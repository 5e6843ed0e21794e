/** Electron utilityProcess entry: receives camera streams for the main process (see core/live/receiver-port.ts). */
import { serveReceivers } from '../core/live/receiver-port';
import { openZmqReceiver } from '../core/live/zmq-receiver';

serveReceivers(
  {
    post: (message) => process.parentPort.postMessage(message),
    onMessage: (listener) => process.parentPort.on('message', (event) => listener(event.data)),
    onClose: () => undefined, // this process ends with its parent
  },
  openZmqReceiver,
);
