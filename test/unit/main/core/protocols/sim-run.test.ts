import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { Res } from '../../../../../src-main/contract/requests';
import { localTimeZone } from '../../../../../src-main/core/cron';
import { civilFieldsInZone } from '../../../../../src-shared/zoned-time';
import { makeDispatch } from '../../../../../src-main/core/dispatch';
import { silentLogger } from '../../../../../src-main/core/logger';
import type { ProtocolInput } from '../../../../../src-main/core/protocols/model';
import type { PlanEvent } from '../../../../../src-main/core/protocols/plan';
import { protocolHandlers } from '../../../../../src-main/core/protocols/protocol-handlers';
import { ProtocolStore } from '../../../../../src-main/core/protocols/protocol-store';
import { SimRigsHarness } from '../registry/rig-fixture';

/**
 * The three examples in seconds-scale variants, applied through the dispatch to simulated
 * rigs over HTTPS, and their plan checked against what the simulator records it did.
 */

let h: SimRigsHarness;
let dispatch: ReturnType<typeof makeDispatch>;
const call = async <N extends 'protocols.apply' | 'protocols.plan' | 'protocols.remove' | 'protocols.drift'>(name: N, args: unknown): Promise<Res<N>> => {
  const r = (await dispatch(name, args)) as Result<Res<N>>;
  if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
  return r.value;
};

/** A rig starts recording this long after the request (its pending phase). */
const PENDING_MS = 200;
const TOLERANCE_MS = 600;
const t0 = Math.ceil(Date.now() / 1000) * 1000 + 4000;
const clock = (ms: number) => {
  const t = civilFieldsInZone(new Date(ms), localTimeZone());
  return [t.hour, t.minute, t.second].map((n) => String(n).padStart(2, '0')).join(':');
};

const hourly: ProtocolInput = {
  version: 1, name: 'hourly stimulus fast',
  recordings: [{ when: { times: [clock(t0), clock(t0 + 8000)] }, durationSeconds: 5, codec: 'high',
    actions: [{ after: { every: 2, from: 2 }, do: { kind: 'output', output: 'led', value: 'toggle-start-high' } }] }],
};
const copy: ProtocolInput = {
  version: 1, name: 'twice daily copy fast',
  recordings: [{ when: { times: [clock(t0), clock(t0 + 5000)] }, durationSeconds: 3 }],
  actions: [{ when: { times: [clock(t0 + 10_000)] }, do: { kind: 'copy', location: '/mnt/nas/motif' } }],
};
const pulses: ProtocolInput = {
  version: 1, name: 'minute one pulses fast', parameters: { light: {}, buzzer: {} },
  recordings: [{ when: { times: [clock(t0)] }, durationSeconds: 8,
    actions: [
      { after: { at: 2 }, do: { kind: 'output', output: '{{light}}', value: 1 } },
      { after: { every: 2, from: 3 }, do: { kind: 'output', output: '{{buzzer}}', value: 'toggle-start-high' } },
    ] }],
};

beforeAll(async () => {
  h = await SimRigsHarness.start(3, 2);
  const names = new Map(h.rigList.list().map((r) => [r.id, r.name]));
  dispatch = makeDispatch(protocolHandlers({ rigName: (id) => names.get(id), clientFor: h.clientFor, store: new ProtocolStore(h.tempDir()) }), silentLogger);
});
afterAll(async () => {
  await h?.stop();
});

const near = (actual: number, expected: number) => Math.abs(actual - expected) <= TOLERANCE_MS;

describe('protocols on simulated rigs', () => {
  it('apply, run as planned (recordings, output changes, copies), report drift, and remove only their own tasks', async () => {
    // A task of the lab's own on rig 0 that the protocol must leave alone.
    await h.client('rig-0').call('schedule/io/ledgreen/set', { task_name: 'night-light', cron_expression: '0 0 3 * * *', value: 0 });

    const applied = [
      ...(await call('protocols.apply', { ref: { protocol: hourly }, rigs: [{ rigId: 'rig-0' }] })),
      ...(await call('protocols.apply', { ref: { protocol: copy }, rigs: [{ rigId: 'rig-1' }] })),
      ...(await call('protocols.apply', { ref: { protocol: pulses }, rigs: [{ rigId: 'rig-2', params: { light: 'led', buzzer: 'ledgreen' } }] })),
    ];
    expect(applied.map((o) => [o.rigName, o.ok, o.delivery, o.created.length])).toEqual([
      // Start times with different seconds need one expression each: a list in both fields would mean every pair.
      ['Rig 0', true, 'sent', 3], ['Rig 1', true, 'sent', 3], ['Rig 2', true, 'sent', 3],
    ]);
    expect(t0 - Date.now()).toBeGreaterThan(500); // applied before the first start

    const window = { from: new Date(Date.now()).toISOString(), until: new Date(t0 + 14_000).toISOString() };
    const lanes = await Promise.all([
      call('protocols.plan', { ref: { protocol: hourly }, rigs: [{ rigId: 'rig-0' }], ...window }),
      call('protocols.plan', { ref: { protocol: copy }, rigs: [{ rigId: 'rig-1' }], ...window }),
      call('protocols.plan', { ref: { protocol: pulses }, rigs: [{ rigId: 'rig-2', params: { light: 'led', buzzer: 'ledgreen' } }], ...window }),
    ]);
    const events = lanes.map((l) => l.lanes[0]!.events.filter((e) => e.source === 'protocol'));
    for (const l of lanes) expect(l.lanes[0]!.warnings).toEqual([]);
    const offsets = (es: PlanEvent[], kind: string, output?: string) =>
      es.filter((e) => e.kind === kind && (output === undefined || e.output === output)).map((e) => e.atMs - t0);
    // The plan, as offsets from the first start: what each rig should do.
    expect(offsets(events[0]!, 'recording')).toEqual([0, 8000]);
    expect(offsets(events[0]!, 'output', 'led')).toEqual([2000, 4000, 10_000, 12_000]);
    expect(offsets(events[1]!, 'recording')).toEqual([0, 5000]);
    expect(offsets(events[1]!, 'copy')).toEqual([10_000]);
    expect(offsets(events[2]!, 'output', 'led')).toEqual([2000]);
    expect(offsets(events[2]!, 'output', 'ledgreen')).toEqual([3000, 5000, 7000]);

    await new Promise((r) => setTimeout(r, t0 + 13_500 - Date.now()));

    // What the simulators did, from their own record.
    events.forEach((planned, i) => {
      const sim = h.sim(`rig-${i}`).state;
      const first = Object.keys(sim.cameras)[0]!;
      const recorded = sim.recordings.filter((r) => r.serial === first);
      const recordings = planned.filter((e) => e.kind === 'recording');
      expect(recorded.length, `rig ${i} recordings`).toBe(recordings.length);
      recordings.forEach((e, k) => {
        expect(near(recorded[k]!.startedAt, e.atMs + PENDING_MS), `rig ${i} recording ${k} start`).toBe(true);
        expect(near(recorded[k]!.endedAt, (e.endMs ?? 0) + PENDING_MS), `rig ${i} recording ${k} end`).toBe(true);
      });
      for (const output of ['led', 'ledgreen']) {
        const changes = sim.cameras[first]!.outputChanges.filter((c) => c.name === output);
        const plannedChanges = planned.filter((e) => e.kind === 'output' && e.output === output);
        expect(changes.length, `rig ${i} ${output} changes`).toBe(plannedChanges.length);
        plannedChanges.forEach((e, k) => expect(near(changes[k]!.at, e.atMs + PENDING_MS), `rig ${i} ${output} change ${k}`).toBe(true));
      }
    });
    // Toggles alternate from high; the light is switched on once.
    expect(h.sim('rig-0').state.cameras.FAKE0!.outputChanges.map((c) => c.value)).toEqual([1, 0, 1, 0]);
    expect(h.sim('rig-2').state.cameras.FAKE4!.outputChanges.map((c) => [c.name, c.value])).toEqual([['led', 1], ['ledgreen', 1], ['ledgreen', 0], ['ledgreen', 1]]);
    const copied = h.sim('rig-1').state.recordings.filter((r) => r.serial === 'FAKE2');
    expect(copied.map((r) => r.copiedTo?.startsWith('/mnt/nas/motif/'))).toEqual([true, true]);
    const copyRun = h.sim('rig-1').events().find((e) => e.kind === 'scheduled' && e.endpoint === 'recordings/copy_all');
    expect(copyRun && near(copyRun.at, t0 + 10_000) && copyRun.status).toBe(200);

    // Drift: the rig's tasks match, until one is deleted behind the app's back.
    expect((await call('protocols.drift', { rigIds: ['rig-0'] })).map((d) => d.state)).toEqual(['matches']);
    await h.client('rig-0').call('schedule/mc-hourly-stimulus-fast-3/clear');
    expect(await call('protocols.drift', { rigIds: ['rig-0'] })).toMatchObject([
      { state: 'drifted', differences: ['Task "mc-hourly-stimulus-fast-3" is no longer on Rig 0.'] },
    ]);

    const removed = await call('protocols.remove', { name: 'hourly stimulus fast', rigIds: ['rig-0'] });
    expect(removed).toMatchObject([{ ok: true, removed: ['mc-hourly-stimulus-fast-1', 'mc-hourly-stimulus-fast-2'] }]);
    expect(h.sim('rig-0').state.tasks.map((t) => t.name)).toEqual(['night-light']);
    expect(await call('protocols.drift', { rigIds: ['rig-0'] })).toEqual([]);
  }, 40_000);

  it('refuses to apply over a task of the same name it did not create, and sends nothing', async () => {
    const taken: ProtocolInput = { version: 1, name: 'taken', recordings: [{ when: { times: ['09:00'] }, durationSeconds: 60 }] };
    await h.client('rig-1').call('schedule/recordings/copy_all', { task_name: 'mc-taken-1', cron_expression: '0 0 4 * * *' });
    const [outcome] = await call('protocols.apply', { ref: { protocol: taken }, rigs: [{ rigId: 'rig-1' }] });
    expect(outcome).toMatchObject({ ok: false, created: [], error: { code: 'already-exists' } });
    expect(outcome!.error!.message).toBe('Rig 1 already has task "mc-taken-1", not put there by this app for protocol "taken": remove it first, or apply with replace.');
    expect(h.sim('rig-1').state.tasks.find((t) => t.name === 'mc-taken-1')?.endpoint).toBe('recordings/copy_all');
  });
});
