/**
 * Every queueable operation of the table has its rule for what a queued change is based on,
 * and each rule tells, against a simulated rig, a change left alone (apply), one already made
 * (nothing to send) and one made differently by someone else (a conflict).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName, type QueueableName } from '../../../../../src-main/core/motif-api/operation-table';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
import { BASIS_RULES, basisFacts, judge, seenValue, type Basis } from '../../../../../src-main/core/outbox/outbox-basis';
import type { WireValue } from '../../../../../src-main/core/python-json';
import { startSimulatedRigs, type SimFleet } from '../../../../../src-main/sim';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'feed0123feed0123feed0123feed0123';
const at = (cron = '0 0 12 * * *') => ({ cron_expression: cron });

/** A change per queueable operation: how to set the rig up, the change, and someone else's different one. */
interface Sample {
  endpoint: string;
  args: Record<string, WireValue>;
  setup?: (rig: MotifClient) => Promise<unknown>;
  meddle: (rig: MotifClient) => Promise<unknown>;
  /** Words the conflict's message must hold. */
  says: RegExp;
}

// Keyed by the table's queueable names: a new queueable operation needs a sample here too.
const SAMPLES: Record<QueueableName, Sample[]> = {
  'cameras.configure': [
    { endpoint: 'camera/FAKE0/configure', args: { Gain: 5 }, meddle: (r) => r.call('camera/FAKE0/configure', { Gain: 10 }), says: /^Gain of camera FAKE0 on Arena was set to 10 on the rig while your change to 5 waited \(it was 0 when you made it/ },
    { endpoint: 'cameras/configure', args: { Gain: 5 }, meddle: (r) => r.call('camera/FAKE1/configure', { Gain: 10 }), says: /^Gain of all cameras on Arena was set to 0 on FAKE0, 10 on FAKE1 on the rig while your change to 5 waited \(it was 0 when/ },
  ],
  'schedule.clearAll': [
    {
      endpoint: 'schedule/clear', args: {},
      setup: (r) => r.call('schedule/recording/start', { task_name: 'mine', ...at() }),
      meddle: (r) => r.call('schedule/recording/start', { task_name: 'theirs', ...at() }),
      says: /^The schedule on Arena was changed to 2 tasks \("mine", "theirs"\) on the rig while your change to empty waited \(it was 1 task \("mine"\)/,
    },
  ],
  'schedule.clearTask': [
    {
      endpoint: 'schedule/t1/clear', args: {},
      setup: (r) => r.call('schedule/recording/start', { task_name: 't1', ...at() }),
      meddle: (r) => r.call('schedule/recording/start', { task_name: 't1', ...at('0 30 12 * * *') }),
      says: /^Task "t1" on Arena was changed to .*"0 30 12 \* \* \*" on the rig while your change to delete it waited \(it was .*"0 0 12 \* \* \*" when/,
    },
  ],
  'schedule.recording.start': [
    { endpoint: 'schedule/recording/start', args: { task_name: 't1', ...at() }, meddle: (r) => r.call('schedule/recording/start', { task_name: 't1', ...at('0 5 * * * *') }), says: /^Task "t1" on Arena was created as .*"0 5 \* \* \* \*" on the rig while your change to .*"0 0 12 \* \* \*" waited \(it was absent when/ },
    { endpoint: 'schedule/camera/FAKE1/recording/start', args: { task_name: 't1', ...at(), duration: 60 }, meddle: (r) => r.call('schedule/camera/FAKE1/recording/start', { task_name: 't1', ...at(), duration: 90 }), says: /^Task "t1" on Arena was created as/ },
  ],
  'schedule.recordings.copy': [
    { endpoint: 'schedule/recordings/copy_all', args: { task_name: 't1', ...at() }, meddle: (r) => r.call('schedule/recordings/copy_all', { task_name: 't1', ...at(), delete_after: true }), says: /^Task "t1" on Arena was created as Move/ },
  ],
  'schedule.recordings.export': [
    { endpoint: 'schedule/recordings/export_all', args: { task_name: 't1', ...at() }, meddle: (r) => r.call('schedule/recordings/export_all', { task_name: 't1', ...at('0 0 13 * * *') }), says: /^Task "t1" on Arena was created as Export/ },
  ],
  'schedule.cameras.configure': [
    { endpoint: 'schedule/cameras/configure/Gain', args: { task_name: 't1', ...at(), value: 3 }, meddle: (r) => r.call('schedule/cameras/configure/Gain', { task_name: 't1', ...at(), value: 4 }), says: /^Task "t1" on Arena was created as .*Gain = 4/ },
  ],
  'schedule.outputs.set': [
    { endpoint: 'schedule/io/led/set', args: { task_name: 't1', ...at(), value: Infinity }, meddle: (r) => r.call('schedule/io/led/set', { task_name: 't1', ...at(), value: 1 }), says: /^Task "t1" on Arena was created as Set output led .* to 1 .* while your change to Set output led .* to toggle, start high/ },
  ],
};

let fleet: SimFleet;
let rig: MotifClient;
beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, rigs: 1, cameras: 2, apiKey: KEY, streams: false, dataDir: mkdtempSync(join(tmpdir(), 'motif-sim-')) });
  const info = fleet.rigs[0]!.info;
  rig = new MotifClient({ host: info.host, port: info.port, apiKey: KEY, trust: { kind: 'fingerprint', fingerprint256: info.fingerprint256 } });
});
afterAll(async () => {
  await rig.destroy();
  await fleet.stop();
});

/** What each read of the change shows now, as compared. */
async function look(endpoint: string, args: Record<string, WireValue>): Promise<Record<string, WireValue>> {
  const now: Record<string, WireValue> = {};
  for (const f of basisFacts(endpoint, args)!) now[f.read] = seenValue(f.read, await rig.call(f.read)) ?? null;
  return now;
}

async function fresh(sample: Sample): Promise<Basis> {
  await rig.call('schedule/clear');
  await rig.call('cameras/configure', { Gain: 0 });
  await sample.setup?.(rig);
  const facts = basisFacts(sample.endpoint, sample.args)!;
  const now = await look(sample.endpoint, sample.args);
  return Object.fromEntries(facts.map((f) => [f.read, { value: f.pick(now[f.read] ?? null), seenAtMs: Date.now() }]));
}

describe('what queued changes are compared on', () => {
  it('has a rule for every queueable operation of the table, and for no other', () => {
    const queueable = (Object.keys(OPERATIONS) as OperationName[]).filter((n) => OPERATIONS[n].delivery === 'queueable').sort();
    expect(Object.keys(BASIS_RULES).sort()).toEqual(queueable);
    expect(Object.keys(SAMPLES).sort()).toEqual(queueable);
    expect(basisFacts('recording/start', {})).toBeUndefined();
  });

  for (const [name, samples] of Object.entries(SAMPLES)) {
    for (const sample of samples) {
      it(`${name} (${sample.endpoint}): unchanged is applied, already so is not sent, changed elsewhere is a conflict`, async () => {
        const facts = basisFacts(sample.endpoint, sample.args)!;
        expect(facts.length).toBeGreaterThan(0);
        let basis = await fresh(sample);
        expect(judge(facts, basis, await look(sample.endpoint, sample.args), 'Arena')).toEqual({ kind: 'apply', unchecked: [] });

        await rig.call(sample.endpoint, sample.args); // the very change, made elsewhere
        expect(judge(facts, basis, await look(sample.endpoint, sample.args), 'Arena')).toEqual({ kind: 'already' });

        basis = await fresh(sample);
        await sample.meddle(rig);
        const verdict = judge(facts, basis, await look(sample.endpoint, sample.args), 'Arena');
        expect(verdict.kind).toBe('conflict');
        if (verdict.kind === 'conflict') {
          expect(verdict.message).toMatch(sample.says);
          expect(Object.keys(verdict.found)).toEqual([...new Set(facts.map((f) => f.read))]);
        }

        // Never seen here: it cannot be compared, so it is applied as before, and says so.
        const unknown = Object.fromEntries(facts.map((f) => [f.read, null]));
        await fresh(sample);
        expect(judge(facts, unknown, await look(sample.endpoint, sample.args), 'Arena')).toEqual({ kind: 'apply', unchecked: facts.map((f) => f.what) });
      });
    }
  }
});
