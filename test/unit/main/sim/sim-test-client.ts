/** A plain node:https caller for simulator tests: the kept certificate as CA, no host-name check. */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type WireValue, parseWire, stringifyWire } from '../../../../src-main/core/python-json';
import { urlPathFor } from '../../../../src-main/core/motif-api/operation-paths';
import type { SimRigInfo } from '../../../../src-main/sim';

export interface RawResponse {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One data folder per test run, so tests never touch the user's kept certificate. */
export const testDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'motif-sim-test-'));

export function rawRequest(
  info: SimRigInfo,
  method: string,
  urlPath: string,
  opts: { body?: string; apiKey?: string | null; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const key = opts.apiKey === undefined ? info.apiKey : opts.apiKey;
  if (key !== null) headers['X-Api-Key'] = key;
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: info.port,
        method,
        path: urlPath,
        headers,
        ca: readFileSync(info.certPath),
        checkServerIdentity: () => undefined,
        agent: false,
        timeout: opts.timeoutMs ?? 5000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export interface CallResult {
  status: number;
  body: Record<string, WireValue>;
}

/** As the vendor client calls: method from the endpoint, kwargs as a wire-JSON body, none when empty. */
export async function call(
  info: SimRigInfo,
  method: string,
  endpoint: string,
  args?: Record<string, unknown>,
): Promise<CallResult> {
  const body = args && Object.keys(args).length > 0 ? stringifyWire(args) : undefined;
  const r = await rawRequest(info, method, urlPathFor(endpoint), body === undefined ? {} : { body });
  return { status: r.status, body: (r.text ? parseWire(r.text) : {}) as Record<string, WireValue> };
}

/** Succeeds or throws with the rig's error message. */
export async function ok(info: SimRigInfo, method: string, endpoint: string, args?: Record<string, unknown>) {
  const r = await call(info, method, endpoint, args);
  if (r.status !== 200) throw new Error(`${method} ${endpoint} -> ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}
