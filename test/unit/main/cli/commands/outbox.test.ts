import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, type CommandContext } from '../../../../../src-main/cli/commands/command-context';
import { registerOutboxCommand } from '../../../../../src-main/cli/commands/outbox';
import type { OutboxEntry } from '../../../../../src-main/contract/requests/outbox';
import { openRigs } from '../../../../../src-main/core/registry/open-rigs';
import { Outbox } from '../../../../../src-main/core/outbox/outbox';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { startSimulatedRigs, type SimFleet } from '../../../../../src-main/sim';
import { MemoryKeychain } from '../../core/secrets/memory-keychain';

const KEY = 'beef0123beef0123beef0123beef0123';

describe('motifctl outbox', () => {
  let fleet: SimFleet;
  const keychain = new MemoryKeychain();
  const dir = mkdtempSync(path.join(tmpdir(), 'motif-cli-outbox-'));
  const rigsOptions = { secrets: new SecretStore(keychain, { cacheMs: 0 }) };

  beforeAll(async () => {
    fleet = await startSimulatedRigs({ port: 0, rigs: 1, apiKey: KEY, streams: false, dataDir: mkdtempSync(path.join(tmpdir(), 'motif-sim-')) });
  });
  afterAll(async () => {
    await fleet.stop();
  });

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const ctx: CommandContext = { io: { out: (t) => (stdout += t), err: (t) => (stderr += t), env: { MOTIF_CONTROL_CONFIG_DIR: dir } }, exitCode: EXIT.ok };
    const program = new Command('motifctl').exitOverride().configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
    registerOutboxCommand(program, ctx, { rigsOptions });
    await program.parseAsync(argv, { from: 'user' });
    return { code: ctx.exitCode, stdout, stderr };
  }

  it('lists, retries and cancels queued changes; retries are audited', async () => {
    const sim = fleet.rigs[0]!;
    const rigs = openRigs({ ...rigsOptions, configDir: dir });
    const rig = rigs.registry.add({ name: 'Arena', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } });
    await rigs.secrets.setKey(rig.id, KEY);
    const outbox = new Outbox({ configDir: dir, clientFor: (id) => rigs.connector.clientFor(id), rigName: (id) => rigs.registry.get(id)?.name });
    await sim.goOffline();
    const bad = await outbox.submitChange(rig.id, 'schedule/recording/start', { task_name: 'bad', cron_expression: 'never' });
    // The same task again: held behind the refused one (a change to another target would go on).
    const good = await outbox.submitChange(rig.id, 'schedule/recording/start', { task_name: 'bad', cron_expression: '0 0 8 * * *' });
    await sim.comeBack();
    await outbox.drain(rig.id);
    // This process applied the outbox so far; closing hands its lease on to motifctl below.
    await outbox.close();
    await rigs.close();
    expect(bad.ok && good.ok).toBe(true);

    const listed = await run(['outbox', 'list', '--rig', 'Arena']);
    expect(listed.code).toBe(EXIT.ok);
    const entries = (JSON.parse(listed.stdout) as { entries: OutboxEntry[] }).entries;
    expect(entries.map((e) => [e.args.cron_expression, e.state, e.heldBy])).toEqual([['never', 'failed', undefined], ['0 0 8 * * *', 'pending', entries[0]!.id]]);

    const retried = await run(['outbox', 'retry', entries[0]!.id]);
    expect(retried.code).toBe(EXIT.rigError);
    expect((JSON.parse(retried.stdout) as { entry: OutboxEntry }).entry).toMatchObject({ state: 'failed', attempts: 2 });

    expect((await run(['outbox', 'cancel', entries[0]!.id])).code).toBe(EXIT.ok);
    expect((await run(['outbox', 'cancel', entries[0]!.id])).code).toBe(EXIT.rigError);
    const sent = await run(['outbox', 'retry', entries[1]!.id]);
    expect(sent.code).toBe(EXIT.ok);
    expect((JSON.parse(sent.stdout) as { entry: OutboxEntry }).entry.state).toBe('applied');
    expect(sim.state.tasks.map((t) => [t.name, t.cronExpression])).toEqual([['bad', '0 0 8 * * *']]);

    const audit = readFileSync(path.join(dir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { args: { task_name: string } }).args.task_name)).toEqual(['bad', 'bad']);
    expect(audit).not.toContain(KEY);
  });

  it('shows a change held as a conflict, and "outbox apply" sends it anyway', async () => {
    const sim = fleet.rigs[0]!;
    const rigs = openRigs({ ...rigsOptions, configDir: dir });
    const rig = rigs.registry.list().find((r) => r.name === 'Arena') ?? rigs.registry.add({ name: 'Arena', host: sim.info.host, port: sim.info.port, trust: { kind: 'fingerprint', sha256: sim.info.fingerprint256 } });
    await rigs.secrets.setKey(rig.id, KEY);
    const elsewhere = await rigs.connector.clientFor(rig.id);
    await elsewhere.call('cameras/configure', { Gain: 0 });
    const outbox = new Outbox({ configDir: dir, clientFor: (id) => rigs.connector.clientFor(id), rigName: (id) => rigs.registry.get(id)?.name });
    // Seen here before the rig went away: what the change is based on.
    outbox.lastSeen.record(rig.id, 'cameras/read/Gain', await elsewhere.call('cameras/read/Gain'));
    await sim.goOffline();
    expect((await outbox.submitChange(rig.id, 'cameras/configure', { Gain: 5 })).ok).toBe(true);
    await sim.comeBack();
    await elsewhere.call('cameras/configure', { Gain: 10 }); // someone at the rig, before this app looked again
    await outbox.drain(rig.id);
    await outbox.close();
    await rigs.close();

    const listed = await run(['outbox', 'list', '--rig', 'Arena']);
    const held = (JSON.parse(listed.stdout) as { entries: OutboxEntry[] }).entries.find((e) => e.state === 'conflict');
    expect(held?.conflict?.message).toMatch(/^Gain of all cameras on Arena was set to 10 on the rig while your change to 5 waited \(it was 0 when you made it/);
    expect(sim.state.cameras.FAKE0!.params.Gain).toBe(10);
    expect((await run(['outbox', 'retry', held!.id])).stderr).toMatch(/only a failed or pending change can be retried/);

    const applied = await run(['outbox', 'apply', held!.id]);
    expect(applied.code).toBe(EXIT.ok);
    expect((JSON.parse(applied.stdout) as { entry: OutboxEntry }).entry.state).toBe('applied');
    expect(sim.state.cameras.FAKE0!.params.Gain).toBe(5);
  });
});
