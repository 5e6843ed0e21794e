import { z } from 'zod';
import { type OpenReceiver, Pulled, type PullOptions, type Receiver } from './receiver';
import type { StreamEndpoints } from './stream-endpoints';

/**
 * Receivers in another process (Electron's utilityProcess, so the main process stays free
 * while frames arrive): the main side opens, pulls and closes receivers by message; the
 * other side runs them. Frames cross as structured clones (bytes stay bytes).
 */
export interface PortLike {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The other side went away (the process ended). */
  onClose(listener: () => void): void;
}

const Endpoints = z.object({ image: z.string(), state: z.string() });
const Options = z.object({ afterSeq: z.number(), waitMs: z.number(), maxWidth: z.number().optional(), continuous: z.boolean(), histogram: z.boolean().optional() });
const Request = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open'), id: z.number(), endpoints: Endpoints }),
  z.object({ kind: z.literal('pull'), id: z.number(), req: z.number(), options: Options }),
  z.object({ kind: z.literal('close'), id: z.number(), req: z.number() }),
]);
type Request = z.infer<typeof Request>;
const Reply = z.union([
  z.object({ req: z.number(), pulled: Pulled }),
  z.object({ req: z.number(), closed: z.literal(true) }),
  z.object({ req: z.number(), error: z.string() }),
]);

/** The receiving side: runs the receivers the other side asks for. */
export function serveReceivers(port: PortLike, open: OpenReceiver): void {
  const receivers = new Map<number, Receiver>();
  port.onMessage((message) => {
    const parsed = Request.safeParse(message);
    if (!parsed.success) return; // only the main process writes here
    void handle(parsed.data);
  });
  const handle = async (request: Request) => {
    if (request.kind === 'open') {
      receivers.set(request.id, open(request.endpoints));
      return;
    }
    const receiver = receivers.get(request.id);
    if (!receiver) {
      port.post({ req: request.req, error: 'this stream is not open' });
      return;
    }
    try {
      if (request.kind === 'pull') {
        const { maxWidth, histogram, ...rest } = request.options;
        const options = { ...rest, ...(maxWidth === undefined ? {} : { maxWidth }), ...(histogram === undefined ? {} : { histogram }) };
        port.post({ req: request.req, pulled: await receiver.pull(options) });
      } else {
        receivers.delete(request.id);
        await receiver.close();
        port.post({ req: request.req, closed: true });
      }
    } catch (e) {
      port.post({ req: request.req, error: e instanceof Error ? e.message : String(e) });
    }
  };
}

/** The main side: an OpenReceiver whose receivers live behind the port, started on first use. */
export function receiversOverPort(connect: () => PortLike): OpenReceiver {
  let port: PortLike | null = null;
  let nextId = 1;
  let nextReq = 1;
  const pending = new Map<number, { resolve(reply: z.infer<typeof Reply>): void }>();
  const portNow = (): PortLike => {
    if (port) return port;
    const p = connect();
    p.onMessage((message) => {
      const reply = Reply.safeParse(message);
      if (!reply.success) return;
      pending.get(reply.data.req)?.resolve(reply.data);
      pending.delete(reply.data.req);
    });
    p.onClose(() => {
      port = null;
      for (const [req, waiter] of pending) waiter.resolve({ req, error: 'the stream receiver process ended' });
      pending.clear();
    });
    port = p;
    return p;
  };
  const ask = (message: { kind: 'pull'; id: number; options: PullOptions } | { kind: 'close'; id: number }) =>
    new Promise<z.infer<typeof Reply>>((resolve) => {
      const req = nextReq++;
      pending.set(req, { resolve });
      portNow().post({ ...message, req });
    });

  return (endpoints: StreamEndpoints): Receiver => {
    const id = nextId++;
    portNow().post({ kind: 'open', id, endpoints });
    return {
      async pull(options): Promise<Pulled> {
        const reply = await ask({ kind: 'pull', id, options });
        if ('pulled' in reply) return reply.pulled;
        throw new Error(`Live view: ${'error' in reply ? reply.error : 'unexpected answer'}`);
      },
      async close(): Promise<void> {
        if (!port) return;
        await ask({ kind: 'close', id });
      },
    };
  };
}
