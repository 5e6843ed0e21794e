/**
 * Every request of the contract whose arguments end up in a rig's URL path, given what a careless
 * script or a pasted name may hold: non-ASCII, control characters, "..", encoded dots, slashes.
 * Each is refused as invalid-args before anything is sent, never queued, never 'internal', and
 * the rig goes on answering afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import { KEY, startApp, until, type App } from './app-fixture';

const BAD = ['..', '.', '%2e%2e', '%2E%2E', '..%2f', '增益', '相机1', 'ÿ', 'a/b', '../recording/start', 'a?b', 'a#b', 'a\\b', 'a b', '', 'x\u0000y', 'x\ny', 'x'.repeat(300)];

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

describe('path-like arguments of every request', { timeout: 90_000 }, () => {
  it('refuses bad values before sending, queues nothing, and leaves the rig answering', async () => {
    const rigId = app.rigId;
    const serial = app.sim.info.serials[0]!;
    // request name, where the bad value goes
    const cases: [string, (bad: string) => unknown][] = [
      ['recording.start', (b) => ({ targets: [{ rigId, serial: b }], options: {} })],
      ['recording.stop', (b) => ({ targets: [{ rigId, serial: b }] })],
      ['cameras.read (serial)', (b) => ({ target: { rigId, serial: b }, names: ['Gain'] })],
      ['cameras.read (name)', (b) => ({ target: { rigId, serial }, names: [b] })],
      ['cameras.configure (serial)', (b) => ({ targets: [{ rigId, serial: b }], params: { Gain: 1 } })],
      ['cameras.configure (name)', (b) => ({ targets: [{ rigId, serial }], params: { [b]: 1 } })],
      ['cameras.status', (b) => ({ target: { rigId, serial: b } })],
      ['recordings.list', (b) => ({ target: { rigId, serial: b } })],
      ['recordings.copy', (b) => ({ targets: [{ rigId, serial: b }], options: {} })],
      ['recordings.export', (b) => ({ targets: [{ rigId, serial: b }], options: {} })],
      ['outputs.set (serial)', (b) => ({ targets: [{ rigId, serial: b }], name: 'led', value: 1 })],
      ['outputs.set (name)', (b) => ({ targets: [{ rigId }], name: b, value: 1 })],
      ['outputs.setDevicePort (device)', (b) => ({ rigId, ioSerial: b, ioPort: 'p1', level: { value: 1 } })],
      ['outputs.setDevicePort (port)', (b) => ({ rigId, ioSerial: 'dev1', ioPort: b, level: { value: 1 } })],
      ['outputs.log', (b) => ({ targets: [{ rigId, serial: b }], values: { led: 1 } })],
      ['outputs.read', (b) => ({ target: { rigId, serial: b } })],
      ['experiment.message', (b) => ({ targets: [{ rigId, serial: b }], message: 'hello' })],
      ['schedule.add (task)', (b) => ({ targets: [{ rigId }], taskName: b, cronExpression: '0 0 12 * * *', operation: { kind: 'outputs.set', name: 'led', value: 1 } })],
      ['schedule.add (output)', (b) => ({ targets: [{ rigId }], taskName: 't1', cronExpression: '0 0 12 * * *', operation: { kind: 'outputs.set', name: b, value: 1 } })],
      ['schedule.add (parameter)', (b) => ({ targets: [{ rigId }], taskName: 't1', cronExpression: '0 0 12 * * *', operation: { kind: 'cameras.configure', name: b, value: 1 } })],
      ['schedule.clear', (b) => ({ rigId, taskName: b })],
      ['multicam.connect', (b) => ({ rigId, serial: b })],
      ['multicam.disconnect', (b) => ({ rigId, serial: b })],
      ['operations.run (serial)', (b) => ({ targets: [{ rigId, serial: b }], operation: 'recording.start', body: {} })],
      ['operations.run (param)', (b) => ({ targets: [{ rigId }], operation: 'outputs.set', params: { name: b }, body: { value: 1 } })],
      ['operations.read (serial)', (b) => ({ target: { rigId, serial: b }, operation: 'camera.status' })],
      ['operations.read (param)', (b) => ({ target: { rigId, serial }, operation: 'cameras.read', params: { name: b } })],
      ['rig.call', (b) => ({ rigId, endpoint: `camera/${b}/recording/start` })],
      ['rig.call (queueable)', (b) => ({ rigId, endpoint: `camera/${b}/configure`, args: { Gain: 1 } })],
    ];
    const commandsBefore = app.sim.events().filter((e) => e.method !== 'GET').length;
    let calls = 0;
    let refused = 0;
    const wrong: string[] = [];
    for (const [label, args] of cases) {
      const request = label.split(' ')[0]!;
      for (const bad of BAD) {
        // rig.call takes a whole path: a "/" there only adds segments (an endpoint the rig may not know).
        if (request === 'rig.call' && bad === 'a/b') continue;
        calls++;
        const r = (await app.call(request, args(bad))) as Result<unknown>;
        const codes = !r.ok ? [r.error.code] : Array.isArray(r.value) ? r.value.map((o: { ok: boolean; error?: { code: string } }) => (o.ok ? 'ok' : o.error!.code)) : ['ok'];
        if (codes.length > 0 && codes.every((c) => c === 'invalid-args')) refused++;
        else wrong.push(`${label} ${JSON.stringify(bad)}: ${codes.join(',')}`);
      }
    }
    const reached = app.sim.events().filter((e) => e.method !== 'GET').length - commandsBefore;
    const strayReads = app.sim.events().filter((e) => e.method === 'GET' && !/^(version|cameras|schedule|camera\/FAKE\d+)$/.test(e.endpoint));
    const queued = ((await app.call('outbox.list', {})) as Result<{ entries: unknown[] }>);
    // Not wedged: a command and a poll still go through at once.
    const started = Date.now();
    const start = (await app.call('recording.start', { targets: [{ rigId, serial }], options: {} })) as Result<{ ok: boolean }[]>;
    const stop = (await app.call('recording.stop', { targets: [{ rigId, serial }] })) as Result<{ ok: boolean }[]>;
    const answeredMs = Date.now() - started;
    const online = await until(async () => {
      const [s] = ((await app.call('status.refresh', { rigId })) as Result<{ state: string }[]> & { ok: true }).value;
      return s?.state === 'online';
    }, 5_000).catch(() => false);
    const wedged = start.ok && start.value.every((o) => o.ok) && stop.ok && stop.value.every((o) => o.ok) && online && answeredMs < 3_000 ? 0 : 1;
    console.log(
      `path inputs: requests ${cases.length}, bad values ${BAD.length}, calls ${calls}, refused as invalid-args ${refused}, ` +
        `reached the rig ${reached + strayReads.length}, queued ${queued.ok ? queued.value.entries.length : '?'}, wedged ${wedged}`,
    );
    expect(wrong).toEqual([]);
    expect(reached).toBe(0);
    expect(strayReads.map((e) => e.endpoint)).toEqual([]);
    expect(queued.ok && queued.value.entries).toEqual([]);
    expect(wedged).toBe(0);
  });

  it('a stored key no HTTP header can carry: every command refused at once as invalid-args, none queued, the rig not wedged', async () => {
    const rigId = app.rigId;
    const serial = app.sim.info.serials[0]!;
    const set = (await app.call('rigs.setKey', { rigId, apiKey: `${'ab'.repeat(16)}增益` })) as Result<unknown>;
    if (!set.ok) {
      // Refused when stored: nothing can reach the client either.
      console.log(`a key with non-ASCII characters: refused when stored (${set.error.code})`);
      expect(set.error.code).toBe('invalid-args');
      return;
    }
    const codes: string[] = [];
    const slowest = { ms: 0 };
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      const r = (await app.call('cameras.configure', { targets: [{ rigId, serial }], params: { Gain: i } })) as Result<{ ok: boolean; error?: { code: string } }[]>;
      slowest.ms = Math.max(slowest.ms, Date.now() - started);
      codes.push(r.ok ? r.value.map((o) => (o.ok ? 'ok' : o.error!.code)).join() : r.error.code);
    }
    const queued = (await app.call('outbox.list', {})) as Result<{ entries: unknown[] }>;
    console.log(`a key with non-ASCII characters: commands 8, invalid-args ${codes.filter((c) => c === 'invalid-args').length}, slowest ${slowest.ms} ms, queued ${queued.ok ? queued.value.entries.length : '?'}`);
    expect(codes).toEqual(Array(8).fill('invalid-args'));
    expect(slowest.ms).toBeLessThan(2_000);
    expect(queued.ok && queued.value.entries).toEqual([]);
    // With the key set right, the same rig answers at once.
    expect(((await app.call('rigs.setKey', { rigId, apiKey: KEY })) as Result<unknown>).ok).toBe(true);
    const again = (await app.call('cameras.configure', { targets: [{ rigId, serial }], params: { Gain: 1 } })) as Result<{ ok: boolean }[]>;
    expect(again.ok && again.value.every((o) => o.ok)).toBe(true);
  });
});
