import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { OPERATIONS, type OperationName, type OperationSpec } from '../../../../src-main/core/motif-api/operation-table';
import { pathFor, urlPathFor } from '../../../../src-main/core/motif-api/operation-paths';
import { call, ok, rawRequest, testDataDir } from './sim-test-client';

let fleet: SimFleet;
const info = () => fleet.rigs[0]!.info;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false });
});
afterAll(() => fleet.stop());

describe('transport and wire rules', () => {
  it('serves version outside /api/1/ and not inside it', async () => {
    const v = await ok(info(), 'GET', 'version');
    expect(typeof v.version).toBe('string');
    const inside = await rawRequest(info(), 'GET', '/api/1/version');
    expect(inside.status).toBe(404);
  });

  it('rejects a missing or wrong key with the vendor error shape', async () => {
    for (const apiKey of [null, 'wrong', `${info().apiKey}x`]) {
      const r = await rawRequest(info(), 'GET', '/api/1/cameras', { apiKey });
      expect(r.status).toBe(401);
      const body = JSON.parse(r.text);
      expect(body).toEqual({ error: expect.stringMatching(/key/i), status_code: 401 });
    }
  });

  it('answers each endpoint only on its method (405 otherwise)', async () => {
    const cases: [string, string][] = [
      ['POST', '/api/1/cameras'],
      ['GET', '/api/1/recording/start'],
      ['POST', '/api/1/cameras/configure'],
      ['POST', '/api/1/schedule/x/clear'],
      ['GET', '/api/1/schedule/clear'],
      ['POST', '/version'],
    ];
    for (const [method, p] of cases) {
      const r = await rawRequest(info(), method, p);
      expect(r.status, `${method} ${p}`).toBe(405);
      expect(JSON.parse(r.text).status_code).toBe(405);
    }
  });

  it('routes every path of the operation table on its method, and only on it', async () => {
    const methods = ['GET', 'POST', 'PATCH', 'DELETE'];
    const params = { serial: 'FAKE0', name: 'led', task_name: 'x', io_serial: '-1', io_port: '0' };
    const names = Object.keys(OPERATIONS) as OperationName[];
    let checked = 0;
    for (const name of names) {
      const spec = OPERATIONS[name] as OperationSpec;
      for (const serial of [undefined, 'FAKE0']) {
        if ((serial === undefined ? spec.path.rig : spec.path.camera) === undefined) continue;
        const url = urlPathFor(pathFor(name, serial, params));
        const right = await rawRequest(info(), spec.method, url, { body: '{}' });
        // Refused for its body or arguments is fine; not routed, or routed to another method, is not.
        expect(right.status, `${name}: ${spec.method} ${url}`).not.toBe(405);
        expect(right.text, `${name}: ${spec.method} ${url}`).not.toMatch(/unknown endpoint|not found: /);
        for (const wrong of methods.filter((m) => m !== spec.method)) {
          expect((await rawRequest(info(), wrong, url)).status, `${name}: ${wrong} ${url}`).toBe(405);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(names.length);
  });

  it('answers unknown endpoints and paths with a vendor 404', async () => {
    for (const p of ['/api/1/nonsense', '/api/1/camera/FAKE0/frobnicate', '/api/2/cameras', '/']) {
      const r = await rawRequest(info(), 'GET', p);
      expect(r.status, p).toBe(404);
      expect(JSON.parse(r.text)).toMatchObject({ status_code: 404 });
    }
  });

  it('rejects bad JSON and non-object bodies with a vendor 400', async () => {
    for (const body of ['{"codec": ', '[1, 2]', '"high"', '{codec: high}']) {
      const r = await rawRequest(info(), 'POST', '/api/1/experiment/message', { body });
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.text).status_code).toBe(400);
    }
  });

  it('treats an empty body as no arguments', async () => {
    const r = await rawRequest(info(), 'POST', '/api/1/recording/stop', { body: '' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ stopped: [] });
  });

  it('reads and writes bare Infinity tokens', async () => {
    const r = await rawRequest(info(), 'POST', '/api/1/io/led/set', { body: '{"value": Infinity}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).value).toBe(1);
    const events = fleet.rigs[0]!.events();
    expect(events.at(-1)).toMatchObject({ endpoint: 'io/led/set', args: { value: Infinity }, status: 200 });
  });

  it('answers with application/json and Python separators', async () => {
    const r = await rawRequest(info(), 'GET', '/api/1/cameras');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.text).toMatch(/^\{"cameras": \[\{"serial": "FAKE0", /);
  });

  it('logs every request with its status', async () => {
    await call(info(), 'GET', 'camera/NOPE');
    expect(fleet.rigs[0]!.events().at(-1)).toMatchObject({ kind: 'request', method: 'GET', endpoint: 'camera/NOPE', status: 404 });
  });
});
