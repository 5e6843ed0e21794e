import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';

/** What reached the server, byte for byte where it matters. */
interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let client: MotifClient;
let seen: Seen[] = [];
let connections = 0;
let reply = '{"ok": true}';

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'motif-wire-test' }]);
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(reply);
    });
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new MotifClient({
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    apiKey: 'abcdef123456abcdef123456abcdef12',
    trust: { kind: 'ca', caPem: pems.cert },
  });
});
afterAll(async () => {
  await client.destroy();
  await new Promise((r) => server.close(r));
});

describe('requests on the wire, as the vendor client sends them', () => {
  it('puts version outside /api/1/ and sends no body without arguments', async () => {
    seen = [];
    await client.invoke('version');
    await client.call('/cameras/');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /version', 'GET /api/1/cameras']);
    for (const s of seen) {
      expect(s.body).toBe('');
      expect(s.headers['content-length']).toBeUndefined();
      expect(s.headers['x-api-key']).toBe('abcdef123456abcdef123456abcdef12');
      expect(s.headers['content-type']).toBe('application/json');
    }
  });

  it("writes the body like Python's json.dumps, Infinity tokens included", async () => {
    seen = [];
    await client.invoke('outputs.set', { serial: 'FAKE0', params: { name: 'led' } }, { value: -Infinity });
    await client.invoke('recording.start', {}, { codec: 'high', duration: 5, metadata: { foo: 1, bar: 'bob' } });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/1/camera/FAKE0/io/led/set', body: '{"value": -Infinity}' });
    expect(seen[1]).toMatchObject({
      method: 'POST',
      url: '/api/1/recording/start',
      body: '{"codec": "high", "duration": 5, "metadata": {"foo": 1, "bar": "bob"}}',
    });
  });

  it('uses the method of the endpoint table for the generic call', async () => {
    seen = [];
    await client.call('camera/FAKE0/configure', { Gain: 0 });
    await client.call('schedule/job1/clear');
    await client.call('schedule/clear');
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual([
      'PATCH /api/1/camera/FAKE0/configure {"Gain": 0}',
      'DELETE /api/1/schedule/job1/clear ',
      'POST /api/1/schedule/clear ',
    ]);
  });

  it('reads an empty body as {} and keeps Infinity in answers', async () => {
    reply = '';
    expect(await client.call('recording/stop')).toEqual({});
    reply = '{"outputs": {"led": Infinity}, "extra": [1]}';
    expect(await client.call('io/read')).toEqual({ outputs: { led: Infinity }, extra: [1] });
    reply = '{"ok": true}';
  });

  it("knows how long an idle connection stays open: the server's Keep-Alive less a second", async () => {
    await client.invoke('cameras');
    expect(client.idleConnectionMs()).toBe(4000); // Node's server says timeout=5
    server.keepAliveTimeout = 3000;
    try {
      await client.invoke('cameras');
      expect(client.idleConnectionMs()).toBe(2000);
    } finally {
      server.keepAliveTimeout = 5000;
    }
  });

  it('keeps one connection alive across sequential calls', async () => {
    const before = connections;
    for (let i = 0; i < 20; i++) await client.invoke('cameras');
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
