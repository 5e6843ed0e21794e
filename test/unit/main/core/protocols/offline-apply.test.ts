import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../../src-main/core/outbox/outbox';
import { outboxDelivery } from '../../../../../src-main/core/outbox/outbox-delivery';
import { applyToRig, removeFromRig, type ApplyDeps } from '../../../../../src-main/core/protocols/apply';
import { Protocol } from '../../../../../src-main/core/protocols/model';
import { ProtocolStore } from '../../../../../src-main/core/protocols/protocol-store';
import { SimRigsHarness } from '../registry/rig-fixture';

let h: SimRigsHarness;
let outbox: Outbox;
let deps: ApplyDeps;

beforeAll(async () => {
  h = await SimRigsHarness.start(1, 2);
  const dir = h.tempDir();
  outbox = new Outbox({ configDir: dir, clientFor: h.clientFor, rigName: () => 'Rig 0' });
  deps = { rigName: (id) => (id === 'rig-0' ? 'Rig 0' : undefined), clientFor: h.clientFor, submitChange: outboxDelivery(outbox), store: new ProtocolStore(dir) };
});
afterAll(async () => {
  await outbox?.close();
  await h?.stop();
});

const protocol = Protocol.parse({
  version: 1, name: 'night',
  recordings: [{ when: { times: ['22:00'] }, durationSeconds: 600, actions: [{ after: { at: 60 }, do: { kind: 'output', output: 'led', value: 1 } }] }],
});

describe('a protocol for a rig that is away', () => {
  it('waits in the outbox, is applied when the rig returns, and is removed the same way', async () => {
    await h.sim('rig-0').goOffline();
    const applied = await applyToRig(deps, protocol, 'r1', { rigId: 'rig-0' });
    expect(applied).toMatchObject({ ok: true, delivery: 'queued', created: ['mc-night-1', 'mc-night-2'] });
    expect(applied.notes).toEqual(['Rig 0 is away: the task names could not be checked, and tasks of the same names on the rig are replaced when the changes are applied.']);
    expect((await outbox.list('rig-0')).map((e) => e.endpoint)).toEqual(['schedule/recording/start', 'schedule/io/led/set']);
    expect((await deps.store.applied()).map((r) => [r.rigId, r.protocol, r.delivery, r.tasks.length])).toEqual([['rig-0', 'night', 'queued', 2]]);

    await h.sim('rig-0').comeBack();
    await outbox.drain('rig-0');
    expect(h.sim('rig-0').state.tasks.map((t) => t.name)).toEqual(['mc-night-1', 'mc-night-2']);

    await h.sim('rig-0').goOffline();
    const removed = await removeFromRig(deps, 'night', 'rig-0');
    expect(removed).toMatchObject({ ok: true, delivery: 'queued', removed: ['mc-night-1', 'mc-night-2'] });
    await h.sim('rig-0').comeBack();
    await outbox.drain('rig-0');
    expect(h.sim('rig-0').state.tasks).toEqual([]);
    expect(await deps.store.applied()).toEqual([]);
  });
});
