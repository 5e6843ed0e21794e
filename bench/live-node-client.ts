import WebSocket from 'ws';
import { decodeFrame, encodeFrame } from '../src-shared/frame-codec';

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
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    const frame = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8')) as { id?: number; result?: { ok: boolean; value?: unknown; error?: { message: string } } };
    if (typeof frame.id !== 'number' || !frame.result) return;
    const settle = pending.get(frame.id);
    pending.delete(frame.id);
    settle?.(frame.result);
  });
  let nextId = 1;
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const id = nextId++;
    const result = (await new Promise<unknown>((resolve) => {
      pending.set(id, resolve);
      socket.send(encodeFrame({ id, name, args }));
    })) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${name}: ${result.error?.message ?? 'failed'}`);
    return result.value as T;
  };
  try {
    const rigs = await call<{ id: string }[]>('rigs.list', {});
    const { watchId } = await call<{ watchId: string }>('live.watch', { rigId: rigs[0]!.id, serial, mode: 'full' });
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    const warmUntil = Date.now() + 2000;
    let frames = 0;
    while (Date.now() < until) {
      const answer = await call<{ frame: { frameTime: number | null } | null }>('live.frame', { watchId, waitMs: 1000, maxWidth });
      if (!answer.frame || answer.frame.frameTime === null || Date.now() < warmUntil) continue;
      frames += 1;
      latencies.push(Date.now() - answer.frame.frameTime * 1000);
    }
    await call('live.unwatch', { watchId });
    return { framesPerSecond: frames / (seconds - 2), latencies };
  } finally {
    socket.close();
  }
}
