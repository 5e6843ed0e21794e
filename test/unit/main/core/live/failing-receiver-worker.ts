/**
 * A stream thread that fails: real ZeroMQ receivers, but its second pull throws where nothing
 * catches it (and is never answered), with the receivers' sockets open.
 */
import { serveReceiversInThread } from '../../../../../src-main/core/live/receiver-thread';
import type { Receiver } from '../../../../../src-main/core/live/receiver';
import { openZmqReceiver } from '../../../../../src-main/core/live/zmq-receiver';

let pulls = 0;
serveReceiversInThread((endpoints): Receiver => {
  const receiver = openZmqReceiver(endpoints);
  return {
    pull: (options) => {
      if (++pulls < 2) return receiver.pull(options);
      setTimeout(() => {
        throw new Error('the stream thread broke');
      });
      return new Promise(() => undefined);
    },
    close: () => receiver.close(),
  };
});
