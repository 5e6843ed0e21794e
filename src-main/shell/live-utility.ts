import { utilityProcess } from 'electron';
import { fileURLToPath } from 'node:url';
import { receiversOverPort, type PortLike } from '../core/live/receiver-port';
import type { OpenReceiver } from '../core/live/receiver';

const receiverModule = fileURLToPath(new URL('./live-receiver.js', import.meta.url));

/** The parts of a forked utility process (Electron's UtilityProcess) the port uses. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'error', listener: (type: string, location: string, report: string) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
}

/** One line for a fatal error in the stream process: its kind and where it happened (the report goes to the log). */
export function utilityErrorLine(type: string, location: string): string {
  return `The live-stream process stopped on a ${type === 'FatalError' ? 'fatal error' : type}${location ? ` at ${location}` : ''}; live views reconnect to a new one.`;
}

/**
 * The port over a forked utility process. A fatal error there is emitted as 'error' on the
 * child, which an EventEmitter throws in main when nothing listens: here it is logged and
 * reported. 'exit' follows it, which ends the port; the next live view forks a new process.
 */
export function portOverChild(child: UtilityChild, report: (line: string) => void): PortLike {
  child.on('error', (type, location, diagnostic) => {
    const line = utilityErrorLine(type, location);
    console.error(`Motif Control: ${line}\n${diagnostic}`);
    report(line);
  });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onClose: (listener) => child.once('exit', () => listener()),
  };
}

/** Camera streams received in a utility process, forked when the first live view opens (and again if it ended). */
export function utilityReceivers(report: (line: string) => void = () => undefined): OpenReceiver {
  return receiversOverPort(() =>
    portOverChild(utilityProcess.fork(receiverModule, [], { serviceName: 'Motif Control live streams' }), report),
  );
}
