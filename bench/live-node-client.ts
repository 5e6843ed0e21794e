import WebSocket from 'ws';
import { z } from 'zod';
import { liveRequests } from '../src-main/contract/requests/live';
import { rigRequests } from '../src-main/contract/requests/rigs';
import { decodeFrame, encodeFrame } from '../src-shared/frame-codec';

const Reply = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.object({ message: z.string() }) })]);

/**
 * The app alone, without a browser: a Node WebSocket client of browser mode watches a camera
 * and pulls frames one at a time as the page does (binned to `maxWidth`), for `seconds`.
 * Latency is frame time to arrival here: what the app adds before any drawing.
 */
export async function nodeClientRun(appUrl: string, serial: string, maxWidth: number, seconds: number): Promise<{ framesPerSecond: number; latencies: number[] }> {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${url.host}/ws?token=${encodeURIComponent(token)}`, { headers: { Origin: `http://${url.host}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (value: unknown) => void>();
  // A connection that ends settles what waits on it, so the bench never hangs.
  socket.on('close', () => {
    for (const settle of pending.values()) settle({ ok: false, error: { message: 'browser mode closed the connection' } });
    pending.clear();
  });
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const frame = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8')) as { id?: number; result?: { ok: boolean; value?: unknown; error?: { message: string } } };
    if (typeof frame.id !== 'number' || !frame.result) return;
    const settle = pending.get(frame.id);
    pending.delete(frame.id);
    settle?.(frame.result);
  });
  let nextId = 1;
  /** A call by the contract's name, its answer checked by that request's result schema. */
  const call = async <S extends z.ZodType>(name: string, args: unknown, result: S): Promise<z.output<S>> => {
    const id = nextId++;
    const reply = Reply.parse(
      await new Promise<unknown>((resolve) => {
        pending.set(id, resolve);
        socket.send(encodeFrame({ id, name, args }));
      }),
    );
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return result.parse(reply.value);
  };
  try {
    const rigs = await call('rigs.list', {}, rigRequests['rigs.list'].result);
    const { watchId } = await call('live.watch', { rigId: rigs[0]!.id, serial, mode: 'full' }, liveRequests['live.watch'].result);
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    const warmUntil = Date.now() + 2000;
    let frames = 0;
    while (Date.now() < until) {
      const answer = await call('live.frame', { watchId, waitMs: 1000, maxWidth }, liveRequests['live.frame'].result);
      if (!answer.frame || answer.frame.frameTime === null || Date.now() < warmUntil) continue;
      frames += 1;
      latencies.push(Date.now() - answer.frame.frameTime * 1000);
    }
    await call('live.unwatch', { watchId }, liveRequests['live.unwatch'].result);
    return { framesPerSecond: frames / Math.max(1, seconds - 2), latencies };
  } finally {
    socket.close();
  }
}
