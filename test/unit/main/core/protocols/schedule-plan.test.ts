import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../../src-main/core/outbox/outbox';
import { outboxDelivery } from '../../../../../src-main/core/outbox/outbox-delivery';
import { applyToRig, type ApplyDeps } from '../../../../../src-main/core/protocols/apply';
import { Protocol } from '../../../../../src-main/core/protocols/model';
import { protocolHandlers } from '../../../../../src-main/core/protocols/protocol-handlers';
import { ProtocolStore } from '../../../../../src-main/core/protocols/protocol-store';
import { SimRigsHarness } from '../registry/rig-fixture';
import { formatInZone } from '../../../../../src-main/core/cron';

let h: SimRigsHarness;
let deps: ApplyDeps;
let outbox: Outbox;

beforeAll(async () => {
  h = await SimRigsHarness.start(2, 1);
  const names: Record<string, string> = { 'rig-0': 'Rig 0', 'rig-1': 'Rig 1' };
  const dir = h.tempDir();
  outbox = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: (id) => names[id] ?? id });
  deps = { rigName: (id) => names[id], clientFor: h.clientFor, submitChange: outboxDelivery(outbox), store: new ProtocolStore(dir) };
});
afterAll(async () => {
  await outbox?.close();
  await h?.stop();
});

const protocol = Protocol.parse({
  version: 1, name: 'night',
  recordings: [{ when: { times: ['22:00'] }, durationSeconds: 600, actions: [{ after: { at: 60 }, do: { kind: 'output', output: 'led', value: 1 } }] }],
});

describe('the rigs\' scheduled tasks as a plan', () => {
  it('plans what each rig carries, marks the tasks a protocol put there, and says which rigs it cannot read', async () => {
    const client = await h.clientFor('rig-0');
    await client.call('schedule/recordings/copy_all', { task_name: 'nightly-copy', cron_expression: '0 0 23 * * *', location: '/mnt/nas' });
    expect(await applyToRig(deps, protocol, 'r1', { rigId: 'rig-0' })).toMatchObject({ ok: true, created: ['mc-night-1', 'mc-night-2'] });
    await h.sim('rig-1').goOffline();

    const handlers = protocolHandlers(deps);
    const r = await handlers['protocols.planSchedules']({
      rigIds: ['rig-0', 'rig-1', 'nope'], from: '2026-03-02T00:00:00Z', until: '2026-03-03T00:00:00Z', timeZone: 'UTC',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rig0, rig1, unknown] = r.value.lanes;
    expect(rig0!.events.map((e) => [formatInZone(new Date(e.atMs), 'UTC'), e.kind, e.task, e.source])).toEqual([
      ['2026-03-02T22:00:00Z', 'recording', 'mc-night-1', 'protocol'],
      ['2026-03-02T22:01:00Z', 'output', 'mc-night-2', 'protocol'],
      ['2026-03-02T23:00:00Z', 'copy', 'nightly-copy', 'other'],
    ]);
    expect(rig1).toMatchObject({ rig: 'Rig 1', reachable: false, events: [] });
    expect(rig1!.error?.code).toMatch(/^rig-/);
    expect(unknown).toMatchObject({ reachable: null, error: { code: 'not-found', message: 'No rig with id nope is configured.' } });
    await h.sim('rig-1').comeBack();
  });

  it('refuses a zone it does not know', async () => {
    const r = await protocolHandlers(deps)['protocols.planSchedules']({ rigIds: ['rig-0'], from: '2026-03-02T00:00:00Z', until: '2026-03-03T00:00:00Z', timeZone: 'Mars/Olympus' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args', message: '"Mars/Olympus" is not a time zone name (try e.g. Europe/Vienna).' } });
  });
});
