import type { Client } from 'undici';
import { describe, expect, it } from 'vitest';
import { ConnectionLanes, QueueTimeoutError, type Lane } from '../../../../../src-main/core/motif-api/connection-lanes';

const fakeClient = () => ({ on: () => undefined, close: () => Promise.resolve(), destroy: () => Promise.resolve() }) as unknown as Client;

describe('ConnectionLanes', () => {
  it('serves commands before reads that waited longer, and keeps a connection for commands', async () => {
    const lanes = new ConnectionLanes({ reads: 2, commands: 1 }, fakeClient);
    const held = [await lanes.acquire('read', 1_000), await lanes.acquire('read', 1_000)];
    const order: string[] = [];
    const read = lanes.acquire('read', 1_000).then((l) => (order.push('read'), l));
    // The read connections are taken; the command one is not a read's to take.
    const command = await lanes.acquire('command', 1_000);
    order.push('command');
    const second = lanes.acquire('command', 1_000).then((l) => (order.push('second command'), l));
    lanes.release(held[0]!, false); // the waiting command goes first, the read waits on
    await second;
    expect(order).toEqual(['command', 'second command']);
    lanes.release(command, false);
    expect(order).toEqual(['command', 'second command']); // a command connection never serves a read
    lanes.release(held[1]!, false);
    const r: Lane = await read;
    expect(order).toEqual(['command', 'second command', 'read']);
    expect(r.busy).toBe(true);
  });

  it('sends a command on a connection that is up, rather than opening its own (no TLS handshake at the moment of a start)', async () => {
    const lanes = new ConnectionLanes({ reads: 2, commands: 1 }, fakeClient);
    const read = await lanes.acquire('read', 1_000);
    read.connected = true; // polls keep this one up; the command connection was never opened
    lanes.release(read, false);
    const command = await lanes.acquire('command', 1_000);
    expect(command).toBe(read);
    lanes.release(command, false);
    // Once its own is up too, a command takes its own and leaves the reads theirs.
    const busyRead = await lanes.acquire('read', 1_000);
    const own = await lanes.acquire('command', 1_000);
    expect(own.forCommands).toBe(true);
    own.connected = true;
    lanes.release(own, false);
    lanes.release(busyRead, false);
    const next = await lanes.acquire('command', 1_000);
    expect(next).toBe(own);
  });

  it('bounds the wait for a connection and honours the caller’s signal', async () => {
    const lanes = new ConnectionLanes({ reads: 1, commands: 0 }, fakeClient);
    await lanes.acquire('read', 1_000);
    const started = performance.now();
    await expect(lanes.acquire('read', 100)).rejects.toBeInstanceOf(QueueTimeoutError);
    expect(performance.now() - started).toBeLessThan(400);
    const controller = new AbortController();
    const waiting = lanes.acquire('read', 5_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
