import { z } from 'zod';
import { binFrame, type BinInto } from './bin-frame';
import { type OpenReceiver, Pulled, type PullOptions, type Receiver } from './receiver';
import type { StreamEndpoints } from './stream-endpoints';

/**
 * Receivers in another process or thread (Electron's utilityProcess; a worker thread in plain
 * Node), so the thread that answers requests stays free while frames arrive: the main side
 * opens, pulls and closes receivers by message; the other side runs them. Frames cross as
 * structured clones (bytes stay bytes), or have their bytes moved where the port can.
 */
export interface PortLike {
  post(message: unknown): void;
  /**
   * Posts `message` moving `buffers` to the other side instead of copying them (a worker's
   * port): the receiving thread then does no copying of its own. Absent where a port cannot.
   */
  postMoving?(message: unknown, buffers: ArrayBuffer[]): void;
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

/** Sizes of binned frame kept for reuse (a wall's previews share one; each full view has its own). */
const REUSED_SIZES = 8;

/** The receiving side: runs the receivers the other side asks for. `closeAll` closes every one still open. */
export function serveReceivers(port: PortLike, open: OpenReceiver): { closeAll(): Promise<void> } {
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
        // Full size from the receiver (its own newest frame): binned here, just before the post.
        const pulled = await receiver.pull({ ...rest, ...(histogram === undefined ? {} : { histogram }) });
        post(request.req, pulled, maxWidth);
      } else {
        receivers.delete(request.id);
        await receiver.close();
        port.post({ req: request.req, closed: true });
      }
    } catch (e) {
      port.post({ req: request.req, error: e instanceof Error ? e.message : String(e) });
    }
  };
  // A post that copies (a structured clone) copies at once, so binned frames of one size
  // share a buffer. Exactly that size: a clone copies a view's whole buffer.
  const reused = new Map<number, Uint8Array>();
  const reuse: BinInto = (bytes) => {
    let buffer = reused.get(bytes);
    if (!buffer) {
      if (reused.size >= REUSED_SIZES) reused.delete(reused.keys().next().value!);
      buffer = new Uint8Array(bytes);
      reused.set(bytes, buffer);
    }
    return buffer;
  };
  const post = (req: number, pulled: Pulled, maxWidth: number | undefined) => {
    const full = pulled.frame;
    if (!full) return port.post({ req, pulled });
    if (!port.postMoving) return port.post({ req, pulled: { ...pulled, frame: maxWidth === undefined ? full : binFrame(full, maxWidth, reuse) } });
    // Moved bytes are gone from this side: a binned frame goes in bytes of its own, and a
    // full one as a copy (the receiver keeps its newest frame for the next pull).
    const binned = maxWidth === undefined ? full : binFrame(full, maxWidth);
    const frame = binned === full ? { ...full, pixels: new Uint8Array(full.pixels) } : binned;
    port.postMoving({ req, pulled: { ...pulled, frame } }, [frame.pixels.buffer as ArrayBuffer]);
  };
  return {
    closeAll: async () => {
      const open = [...receivers.values()];
      receivers.clear();
      await Promise.allSettled(open.map((r) => r.close()));
    },
  };
}

/** What a pull on a receiver whose process or thread ended is told. */
export const RECEIVER_ENDED = 'the stream receiver process ended; open the view again';

/**
 * The main side: an OpenReceiver whose receivers live behind the port, started on first use.
 * When the other side ends, what waits there fails in words, and so does every later pull on
 * a receiver opened there; the next receiver opened starts a new one.
 */
export function receiversOverPort(connect: () => PortLike): OpenReceiver {
  interface Connection {
    port: PortLike;
    ended: boolean;
    pending: Map<number, (reply: z.infer<typeof Reply>) => void>;
  }
  let current: Connection | null = null;
  let nextId = 1;
  let nextReq = 1;
  const connection = (): Connection => {
    if (current) return current;
    const c: Connection = { port: connect(), ended: false, pending: new Map() };
    c.port.onMessage((message) => {
      const reply = Reply.safeParse(message);
      if (!reply.success) return;
      c.pending.get(reply.data.req)?.(reply.data);
      c.pending.delete(reply.data.req);
    });
    c.port.onClose(() => {
      c.ended = true;
      if (current === c) current = null;
      for (const [req, settle] of c.pending) settle({ req, error: RECEIVER_ENDED });
      c.pending.clear();
    });
    current = c;
    return c;
  };
  const ask = (c: Connection, message: { kind: 'pull'; id: number; options: PullOptions } | { kind: 'close'; id: number }) =>
    new Promise<z.infer<typeof Reply>>((resolve) => {
      if (c.ended) return resolve({ req: 0, error: RECEIVER_ENDED });
      const req = nextReq++;
      c.pending.set(req, resolve);
      c.port.post({ ...message, req });
    });

  return (endpoints: StreamEndpoints): Receiver => {
    const id = nextId++;
    const c = connection();
    c.port.post({ kind: 'open', id, endpoints });
    return {
      async pull(options): Promise<Pulled> {
        const reply = await ask(c, { kind: 'pull', id, options });
        if ('pulled' in reply) return reply.pulled;
        throw new Error(`Live view: ${'error' in reply ? reply.error : 'unexpected answer'}`);
      },
      async close(): Promise<void> {
        if (!c.ended) await ask(c, { kind: 'close', id });
      },
    };
  };
}
