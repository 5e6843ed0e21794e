/**
 * Two computers and one simulated rig: app A reaches the rig through a link that drops, B
 * straight. A change A queued while away is not applied over one B made meanwhile: it is held
 * as a conflict, with an alert, until A's user applies it anyway or drops it. The rest of A's
 * queue for the rig goes on.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../../src-main/contract/requests/outbox';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { MotifClient } from '../../../../../src-main/core/motif-api/motif-client';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { confStoreFactory } from '../../../../../src-main/core/registry/conf-store-factory';
import { ConfigFile } from '../../../../../src-main/core/registry/config-file';
import { RigRegistry } from '../../../../../src-main/core/registry/rig-registry';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { type SimRig } from '../../../../../src-main/sim';
import { MemoryKeychain } from '../secrets/memory-keychain';
import { waitFor } from '../registry/rig-fixture';
import { EXIT } from '../../../../../src-main/cli/commands/command-context';
import { runRigCommand } from '../../cli/commands/run-commands';
import { startOneRig, type OneRig } from '../../../fixtures/one-rig';

const KEY = 'abba0123abba0123abba0123abba0123';
const FAST = { intervalMs: 100, slowIntervalMs: 1000, requestTimeoutMs: 1000, backoff: { baseMs: 50, maxMs: 200, jitter: 0 } };

/** A's network link to the rig: a TCP relay that can drop (every connection refused) and come back. */
class Link {
  readonly #sockets = new Set<Socket>();
  #down = false;
  private constructor(readonly server: Server) {}

  static async open(targetPort: number): Promise<Link> {
    const server = createServer();
    const link = new Link(server);
    server.on('connection', (inbound) => link.#relay(inbound, targetPort));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return link;
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  #relay(inbound: Socket, targetPort: number): void {
    if (this.#down) return void inbound.destroy();
    const outbound = connect(targetPort, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      this.#sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.#sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  }

  drop(): void {
    this.#down = true;
    for (const s of this.#sockets) s.destroy();
  }

  restore(): void {
    this.#down = false;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise((r) => this.server.close(r));
  }
}

let oneRig: OneRig;
let sim: SimRig;
let b: MotifClient;
beforeAll(async () => {
  oneRig = await startOneRig(KEY);
  sim = oneRig.sim;
  // Computer B: straight to the rig, always.
  b = new MotifClient({ host: sim.info.host, port: sim.info.port, apiKey: KEY, trust: { kind: 'fingerprint', fingerprint256: sim.info.fingerprint256 } });
});
afterAll(async () => {
  await b.destroy();
  await oneRig.stop();
});

describe('a change queued on A while B changes the same thing', { timeout: 60_000 }, () => {
  let link: Link;
  let core: AppCore;
  let rigId: string;
  afterEach(async () => {
    await core?.close();
    await link?.close();
  });

  /** Computer A's config folder: its rig list reaches the rig through `link`. */
  async function configA(): Promise<string> {
    await b.call('schedule/clear');
    await b.call('cameras/configure', { Gain: 0, Gamma: 1, ExposureTime: 10_000 });
    link = await Link.open(sim.info.port);
    const dir = oneRig.tempDir('motif-conflict-');
    const registry = new RigRegistry(new ConfigFile({ configDir: dir, factory: confStoreFactory, notices: new NoticeBoard() }));
    rigId = registry.add({ name: 'Arena', host: '127.0.0.1', port: link.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } }).id;
    return dir;
  }

  /** Computer A's app, on that folder. */
  async function startCore(dir: string): Promise<void> {
    const secrets = new SecretStore(new MemoryKeychain(), { cacheMs: 0 });
    await secrets.setKey(rigId, KEY);
    core = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets, monitor: FAST });
    await waitFor(() => core.monitoring.monitor.get(rigId)?.state === 'online', 10_000);
  }

  async function startA(): Promise<void> {
    await startCore(await configA());
  }

  async function dropA(): Promise<void> {
    link.drop();
    await waitFor(() => core.monitoring.monitor.get(rigId)?.state === 'offline', 10_000);
  }

  async function entries(): Promise<OutboxEntry[]> {
    const r = await core.call('outbox.list', { rigId });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.entries;
  }

  const entryOf = async (words: RegExp) => (await entries()).find((e) => words.test(e.words));
  const aSent = (endpoint: string, since: number) =>
    sim.events().filter((e) => e.kind === 'request' && e.method !== 'GET' && e.endpoint === endpoint && e.at >= since);

  it('camera parameters: held as a conflict with an alert, the rest goes on, and "apply mine" sets it', async () => {
    await startA();
    // A's window showed these parameters before its link dropped.
    const read = await core.call('cameras.read', { target: { rigId }, names: ['Gain', 'Gamma', 'ExposureTime'] });
    expect(read.ok).toBe(true);
    await dropA();
    const changes: Record<string, number>[] = [{ Gain: 5 }, { Gamma: 2 }, { ExposureTime: 4000 }];
    for (const params of changes) {
      const r = await core.call('cameras.configure', { targets: [{ rigId }], params });
      expect(r.ok && r.value[0]?.ok && r.value[0].delivery).toBe('queued');
    }
    const bChanged = Date.now();
    await b.call('cameras/configure', { Gain: 10 }); // B, meanwhile
    await b.call('cameras/configure', { ExposureTime: 4000 }); // B made A's own change too

    link.restore();
    const held = await waitFor(() => entryOf(/Gain = 5/).then((e) => e?.state === 'conflict' && e), 20_000);
    await waitFor(async () => (await entries()).filter((e) => e.state === 'applied').length === 2, 10_000);
    expect(sim.state.cameras.FAKE0!.params).toMatchObject({ Gain: 10, Gamma: 2, ExposureTime: 4000 });
    expect(held.conflict?.message).toMatch(/^Gain of all cameras on Arena was set to 10 on the rig while your change to 5 waited \(it was 0 when you made it, as seen \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)\.$/);
    expect(await entryOf(/ExposureTime = 4000/)).toMatchObject({ state: 'applied', alreadySo: true });
    // What A sent: Gamma only (Gain held, ExposureTime already so).
    expect(aSent('cameras/configure', bChanged).map((e) => e.args)).toEqual([{ Gain: 10 }, { ExposureTime: 4000 }, { Gamma: 2 }]);
    const alert = await waitFor(async () => {
      const notices = await core.call('app.notices', {});
      return notices.ok ? notices.value.find((n) => n.message === held.conflict?.message) : undefined;
    }, 5000);
    expect(alert).toMatchObject({ level: 'warning', rigName: 'Arena' });
    expect(alert?.advice).toMatch(/apply yours anyway or drop it/);

    const mine = await core.call('outbox.applyAnyway', { id: held.id });
    expect(mine.ok).toBe(true);
    await waitFor(() => entryOf(/Gain = 5/).then((e) => e?.state === 'applied'), 10_000);
    expect(sim.state.cameras.FAKE0!.params.Gain).toBe(5);
  });

  it('a task created on the rig meanwhile: held, and dropping A\'s change leaves the rig\'s task', async () => {
    await startA();
    // A's status polls read the schedule: the task is known to be absent.
    await waitFor(() => core.monitoring.outbox.lastSeen.get(rigId, 'schedule'), 5000);
    await dropA();
    const queued = await core.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: 'night', cron_expression: '0 0 22 * * *' });
    expect(queued.ok && queued.value.outcome).toBe('queued');
    // A second change to the same task, made later on A: it waits behind the first.
    await core.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: 'night', cron_expression: '0 0 21 * * *' });
    await b.call('schedule/recording/start', { task_name: 'night', cron_expression: '0 0 23 * * *' });

    link.restore();
    const held = await waitFor(() => entryOf(/"0 0 22/).then((e) => e?.state === 'conflict' && e), 20_000);
    expect(await entryOf(/"0 0 21/)).toMatchObject({ state: 'pending', heldBy: held.id });
    // The alert follows the outbox's change event: wait for it rather than race it.
    const toldHeld = await waitFor(async () => {
      const notices = await core.call('app.notices', {});
      return notices.ok && notices.value.some((n) => /^Arena's outbox is held: 1 later change to the same target waits behind the change held as a conflict/.test(n.message));
    }, 5000);
    expect(toldHeld).toBe(true);
    expect(held.conflict?.message).toMatch(/^Task "night" on Arena was created as Start recording on all cameras at "0 0 23 \* \* \*" on the rig while your change to Start recording on all cameras at "0 0 22 \* \* \*" waited \(it was absent when you made it/);
    expect(sim.state.tasks.find((t) => t.name === 'night')?.cronExpression).toBe('0 0 23 * * *');

    const dropped = await core.call('outbox.cancel', { id: held.id });
    expect(dropped.ok).toBe(true);
    // The one behind it is compared in turn: based on the task's absence too, so held as well.
    const next = await waitFor(() => entryOf(/"0 0 21/).then((e) => e?.state === 'conflict' && e), 10_000);
    expect((await core.call('outbox.cancel', { id: next.id })).ok).toBe(true);
    expect(await entries()).toEqual([]);
    expect(sim.state.tasks.find((t) => t.name === 'night')?.cronExpression).toBe('0 0 23 * * *');
  });

  it('a task created on the rig meanwhile: held with an alert, and "apply mine" puts A\'s task there', async () => {
    await startA();
    await waitFor(() => core.monitoring.outbox.lastSeen.get(rigId, 'schedule'), 5000);
    await dropA();
    const queued = await core.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: 'night', cron_expression: '0 0 22 * * *' });
    expect(queued.ok && queued.value.outcome).toBe('queued');
    await b.call('schedule/recording/start', { task_name: 'night', cron_expression: '0 0 23 * * *' });

    link.restore();
    const held = await waitFor(() => entryOf(/"0 0 22/).then((e) => e?.state === 'conflict' && e), 20_000);
    const toldConflict = await waitFor(async () => {
      const notices = await core.call('app.notices', {});
      return notices.ok && notices.value.some((n) => n.message === held.conflict?.message);
    }, 5000);
    expect(toldConflict).toBe(true);
    expect(sim.state.tasks.find((t) => t.name === 'night')?.cronExpression).toBe('0 0 23 * * *');

    expect((await core.call('outbox.applyAnyway', { id: held.id })).ok).toBe(true);
    const done = await waitFor(() => entryOf(/"0 0 22/).then((e) => (e?.state === 'applied' || e?.state === 'failed') && e), 10_000);
    expect(done.state).toBe('applied');
    expect(sim.state.tasks.filter((t) => t.name === 'night').map((t) => t.cronExpression)).toEqual(['0 0 22 * * *']);
  });

  it('a task changed on the rig meanwhile: a queued clear is held, and "apply mine" deletes it', async () => {
    await startA();
    await b.call('schedule/recording/start', { task_name: 'day', cron_expression: '0 0 8 * * *' });
    await waitFor(async () => JSON.stringify((await core.monitoring.outbox.lastSeen.get(rigId, 'schedule'))?.value ?? {}).includes('day'), 5000);
    await dropA();
    const queued = await core.call('schedule.clear', { rigId, taskName: 'day' });
    expect(queued.ok && queued.value[0]?.ok && queued.value[0].delivery).toBe('queued');
    await b.call('schedule/recording/start', { task_name: 'day', cron_expression: '0 0 9 * * *' });

    link.restore();
    const held = await waitFor(() => entryOf(/"day"/).then((e) => e?.state === 'conflict' && e), 20_000);
    expect(held.conflict?.message).toMatch(/^Task "day" on Arena was changed to .*"0 0 9 \* \* \*" on the rig while your change to delete it waited \(it was .*"0 0 8 \* \* \*" when you made it/);
    expect(sim.state.tasks.map((t) => t.name)).toEqual(['day']);

    expect((await core.call('outbox.applyAnyway', { id: held.id })).ok).toBe(true);
    await waitFor(() => entryOf(/"day"/).then((e) => e?.state === 'applied'), 10_000);
    expect(sim.state.tasks).toEqual([]);
  });

  it('the same with motifctl on A: the change it queued is held, "outbox list" shows why, "outbox apply" sets it', async () => {
    const dir = await configA();
    const env = { MOTIF_CONTROL_CONFIG_DIR: dir };
    const motifctl = (...argv: string[]) => runRigCommand([...argv], env);
    // 1. Gain is 0, and A has looked at it; then A's link drops.
    expect((await motifctl('configure', '--read', 'Gain', '--rig', 'Arena', '--api-key', KEY)).code).toBe(EXIT.ok);
    link.drop();
    // 2. A queues Gain=5.
    const queued = await motifctl('configure', 'Gain=5', '--rig', 'Arena', '--api-key', KEY);
    expect(queued.code).toBe(EXIT.ok);
    expect(queued.stderr).toContain('Arena is offline: the change waits in the outbox');
    // 3. B sets Gain=10 straight on the rig.
    await b.call('cameras/configure', { Gain: 10 });
    // 4. A's link comes back, and A's app applies its outbox.
    link.restore();
    await startCore(dir);
    const held = await waitFor(() => entryOf(/Gain = 5/).then((e) => e?.state === 'conflict' && e), 20_000);
    expect(sim.state.cameras.FAKE0!.params.Gain).toBe(10);
    const listed = JSON.parse((await motifctl('outbox', 'list', '--rig', 'Arena')).stdout) as { entries: OutboxEntry[] };
    expect(listed.entries[0]).toMatchObject({ id: held.id, state: 'conflict' });
    expect(listed.entries[0]!.conflict?.message).toMatch(/^Gain of all cameras on Arena was set to 10 on the rig while your change to 5 waited \(it was 0 when you made it/);

    // "Apply mine": marked here; the app, which holds the outbox, sends it.
    expect((await motifctl('outbox', 'apply', held.id)).code).toBe(EXIT.ok);
    await waitFor(() => entryOf(/Gain = 5/).then((e) => e?.state === 'applied'), 10_000);
    expect(sim.state.cameras.FAKE0!.params.Gain).toBe(5);
  });
});
