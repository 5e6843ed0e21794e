import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import { receiversOverPort } from '../core/live/receiver-port';
import type { OpenReceiver } from '../core/live/receiver';

const receiverModule = fileURLToPath(new URL('./live-receiver.js', import.meta.url));

/** Camera streams received in a utility process, forked when the first live view opens (and again if it ended). */
export function utilityReceivers(): OpenReceiver {
  return receiversOverPort(() => {
    const child = utilityProcess.fork(receiverModule, [], { serviceName: 'Motif Control live streams' });
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onClose: (listener) => child.once('exit', listener),
    };
  });
}
