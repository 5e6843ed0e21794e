/** Worker thread entry: receives camera streams for a plain-Node core (see worker-receivers.ts). */
import { serveReceiversInThread } from './receiver-thread';
import { openZmqReceiver } from './zmq-receiver';

serveReceiversInThread(openZmqReceiver);
