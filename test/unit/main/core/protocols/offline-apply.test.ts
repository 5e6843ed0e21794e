import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
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
    expect(applied.notes).toEqual([
      'Rig 0 is away: the task names could not be checked, and tasks of the same names on the rig are replaced when the changes are applied, ' +
        'unless they were changed there since this computer last saw them: such a change waits in the Outbox as a conflict.',
    ]);
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

  it('does not delete a protocol task changed on the rig while its removal waited: that removal is a conflict, the others go', async () => {
    const sim = h.sim('rig-0');
    expect(await applyToRig(deps, protocol, 'r2', { rigId: 'rig-0' })).toMatchObject({ ok: true, delivery: 'sent' });
    // The app's status polls read the schedule; here it is read once, as they would.
    outbox.lastSeen.record('rig-0', 'schedule', await (await h.clientFor('rig-0')).call('schedule'));
    // This computer loses the rig; someone else still reaches it.
    const elsewhere = new MotifClient({ host: sim.info.host, port: sim.info.port, apiKey: sim.info.apiKey, trust: { kind: 'fingerprint', fingerprint256: sim.info.fingerprint256 } });
    h.override('rig-0', { port: await closedPort() });
    try {
      const removed = await removeFromRig(deps, 'night', 'rig-0');
      expect(removed).toMatchObject({ ok: true, delivery: 'queued', removed: ['mc-night-1', 'mc-night-2'] });
      const task = sim.state.tasks.find((t) => t.name === 'mc-night-2');
      expect(task).toBeDefined();
      // The output level changed at the rig, same time.
      await elsewhere.call('schedule/io/led/set', { task_name: 'mc-night-2', cron_expression: task!.cronExpression, camera_relative: task!.cameraRelative, value: 0 });
    } finally {
      h.override('rig-0', {});
      await elsewhere.destroy();
    }
    await outbox.drain('rig-0');
    const entries = await outbox.list('rig-0');
    const held = entries.find((e) => e.state === 'conflict');
    expect(held?.endpoint).toBe('schedule/mc-night-2/clear');
    expect(held?.conflict?.message).toMatch(/^Task "mc-night-2" on Rig 0 was changed to Set output led .* to 0 .* on the rig while your change to delete it waited \(it was Set output led .* to 1 /);
    expect(entries.find((e) => e.endpoint === 'schedule/mc-night-1/clear')?.state).toBe('applied');
    expect(sim.state.tasks.map((t) => t.name)).toEqual(['mc-night-2']);
  });

  it('for a rig that is away and never got the protocol from this app, says one thing: nothing is deleted', async () => {
    await h.sim('rig-0').goOffline();
    try {
      const removed = await removeFromRig(deps, 'never-applied', 'rig-0');
      expect(removed).toMatchObject({ ok: true, removed: [] });
      expect(removed.notes).toEqual([
        'Rig 0 is away, and this app put no task of this protocol there: nothing is deleted. Remove it again once the rig answers if another computer applied it there.',
      ]);
      expect((await outbox.list('rig-0')).filter((e) => e.state === 'pending')).toEqual([]);
    } finally {
      await h.sim('rig-0').comeBack();
    }
  });
});

/** A local port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === 'object' && address !== null ? address.port : 1;
}
