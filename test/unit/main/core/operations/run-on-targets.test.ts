import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
import * as cmd from '../../../../../src-main/core/operations/command-builders';
import { runOnTargets, type OperationsDeps } from '../../../../../src-main/core/operations/run-on-targets';
import { startSimulatedRigs, type SimFleet } from '../../../../../src-main/sim';

let fleet: SimFleet;
let clients: Map<string, MotifClient>;
let deps: OperationsDeps;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ rigs: 2, port: 0, streams: false, dataDir: mkdtempSync(join(tmpdir(), 'ops-sim-')) });
  clients = new Map(
    fleet.rigs.map((rig, i) => [
      `rig${i}`,
      new MotifClient({
        host: rig.info.host,
        port: rig.info.port,
        apiKey: rig.info.apiKey,
        trust: { kind: 'fingerprint', fingerprint256: rig.info.fingerprint256 },
        responseTimeoutMs: 2000,
        connectTimeoutMs: 2000,
      }),
    ]),
  );
  deps = {
    rigName: (id) => (clients.has(id) ? `Arena ${id}` : undefined),
    clientFor: async (id) => clients.get(id)!,
  };
});
afterAll(async () => {
  await Promise.all([...clients.values()].map((c) => c.close()));
  await fleet.stop();
});

describe('runOnTargets', () => {
  it('starts recording on two rigs at once and reports each', async () => {
    const outcomes = await runOnTargets(deps, [{ rigId: 'rig0' }, { rigId: 'rig1', serial: fleet.rigs[1]!.info.serials[0] }], (t) =>
      cmd.recordingStart({ codec: 'high', filename: 'both' }, t.serial),
    );
    expect(outcomes.map((o) => [o.rigId, o.ok, o.ok && o.delivery])).toEqual([
      ['rig0', true, 'sent'],
      ['rig1', true, 'sent'],
    ]);
    expect(outcomes[0]!.rigName).toBe('Arena rig0');
    const events = fleet.rigs.map((r) => r.events().filter((e) => e.endpoint.endsWith('recording/start')));
    expect(events[0]).toHaveLength(1);
    expect(events[1]![0]!.endpoint).toBe(`camera/${fleet.rigs[1]!.info.serials[0]}/recording/start`);
    await runOnTargets(deps, [{ rigId: 'rig0' }, { rigId: 'rig1' }], () => cmd.recordingStop());
  });

  it('keeps one failing or unknown rig from failing the others', async () => {
    fleet.rigs[1]!.setFault('http500');
    try {
      const outcomes = await runOnTargets(deps, [{ rigId: 'rig0' }, { rigId: 'rig1' }, { rigId: 'gone' }], () => cmd.message('hello'));
      expect(outcomes[0]).toMatchObject({ ok: true, delivery: 'sent' });
      expect(outcomes[1]).toMatchObject({ ok: false, error: { code: 'rig-error' } });
      expect(outcomes[2]).toMatchObject({ ok: false, rigName: 'gone', error: { code: 'not-found' } });
    } finally {
      fleet.rigs[1]!.clearFaults();
    }
  });

  it('routes every command through the outbox path when there is one', async () => {
    const submitted: string[] = [];
    const withOutbox: OperationsDeps = {
      ...deps,
      submitChange: async (rigId, command) => {
        submitted.push(`${rigId} ${command.endpoint}`);
        return command.endpoint.endsWith('configure') ? { delivery: 'queued' } : { delivery: 'sent', value: {} };
      },
    };
    const configured = await runOnTargets(withOutbox, [{ rigId: 'rig0' }], () => cmd.configure({ Gain: 3 }));
    expect(configured[0]).toMatchObject({ ok: true, delivery: 'queued' });
    const stopped = await runOnTargets(withOutbox, [{ rigId: 'rig0' }], () => cmd.recordingStop());
    expect(stopped[0]).toMatchObject({ ok: true, delivery: 'sent' });
    expect(submitted).toEqual(['rig0 cameras/configure', 'rig0 recording/stop']);
  });

  it('reports a bad serial as invalid input without calling the rig', async () => {
    const before = fleet.rigs[0]!.events().length;
    const outcomes = await runOnTargets(deps, [{ rigId: 'rig0', serial: 'a/b' }], (t) => cmd.recordingStart({}, t.serial));
    expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(fleet.rigs[0]!.events().length).toBe(before);
  });
});
