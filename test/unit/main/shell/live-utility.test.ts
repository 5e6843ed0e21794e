import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

// live-utility imports electron's utilityProcess; only portOverChild is under test here.
vi.mock('electron', () => ({ utilityProcess: { fork: () => new EventEmitter() } }));
const { portOverChild, utilityErrorLine } = await import('../../../../src-main/shell/live-utility');

class FakeChild extends EventEmitter {
  posted: unknown[] = [];
  postMessage(message: unknown) {
    this.posted.push(message);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the live-stream utility process', () => {
  it("survives a fatal error there: logged with its report, told once in words, and the exit that follows ends the port", () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const child = new FakeChild();
    const reported: string[] = [];
    const port = portOverChild(child, (line) => reported.push(line));
    let closed = 0;
    port.onClose(() => closed++);
    // Without a listener an EventEmitter throws its 'error' in the main process.
    expect(() => child.emit('error', 'FatalError', 'zmq_receiver.cc:42', '{"header":{}}')).not.toThrow();
    expect(reported).toEqual(['The live-stream process stopped on a fatal error at zmq_receiver.cc:42; live views reconnect to a new one.']);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/fatal error at zmq_receiver\.cc:42[\s\S]*"header"/);
    child.emit('exit', 1);
    expect(closed).toBe(1);
    port.post({ kind: 'close', id: 1, req: 1 });
    expect(child.posted).toEqual([{ kind: 'close', id: 1, req: 1 }]);
  });

  it('words an error without a location', () => {
    expect(utilityErrorLine('FatalError', '')).toBe('The live-stream process stopped on a fatal error; live views reconnect to a new one.');
  });
});
