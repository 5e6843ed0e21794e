/**
 * An app core (as the Electron app or browser mode runs it) on <configDir>, driven by lines on
 * standard input, answering with one JSON line each:
 *   enqueue <prefix> <count>   queue changes for <rigId> (one {"queued": name} line per change kept)
 *   state                      what this process sent, and what its monitor sees
 *   apply <file> <count>       apply the protocol file to <rigId>, confirming <count> tasks ({"applied": result})
 *   remove <file>              remove that protocol from <rigId> ({"removed": result})
 *   exit                       close the core and leave
 * Every command this process sends to a rig is counted, whoever asked for it.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createAppCore } from '../../../../src-main/core/app-core';
import { silentLogger } from '../../../../src-main/core/logger';
import { MotifClient } from '../../../../src-main/core/motif-api/motif-client';
import { methodFor } from '../../../../src-main/core/motif-api/operation-paths';
import { SecretStore } from '../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../../main/core/secrets/memory-keychain';

const [configDir, rigId, apiKey] = process.argv.slice(2) as [string, string, string];
const sentTasks: string[] = [];
const call = MotifClient.prototype.call;
MotifClient.prototype.call = function (this: MotifClient, path, args, options) {
  if (methodFor(path) !== 'GET') sentTasks.push(String((args as { task_name?: unknown } | undefined)?.task_name ?? path));
  return call.call(this, path, args, options);
};

const secrets = new SecretStore(new MemoryKeychain(), { cacheMs: 0 });
await secrets.setKey(rigId, apiKey);
const core = createAppCore({ transport: 'browser', log: silentLogger, configDir, secrets });
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
say({ ready: true, pid: process.pid });

for await (const line of createInterface({ input: process.stdin })) {
  const [command, ...rest] = line.trim().split(/\s+/);
  if (command === 'enqueue') {
    const [prefix, count] = rest as [string, string];
    let queued = 0;
    const other: string[] = [];
    for (let i = 0; i < Number(count); i++) {
      const task = `${prefix}-${i}`;
      const r = await core.monitoring.outbox.submitChange(rigId, 'schedule/recording/start', { task_name: task, cron_expression: '0 0 12 * * *' });
      if (r.ok && r.value.outcome === 'queued') {
        queued++;
        say({ queued: task });
      } else other.push(r.ok ? `${task}: sent` : `${task}: ${r.error.code} ${r.error.message}`);
    }
    say({ enqueued: queued, other });
  } else if (command === 'apply' || command === 'remove') {
    const [file, count] = rest as [string, string];
    const protocol = JSON.parse(readFileSync(file, 'utf8')) as { name: string };
    if (command === 'apply') say({ applied: await core.dispatch('protocols.apply', { ref: { protocol }, rigs: [{ rigId }], confirmTasks: Number(count) }) });
    else say({ removed: await core.dispatch('protocols.remove', { name: protocol.name, rigIds: [rigId] }) });
  } else if (command === 'state') {
    say({ sent: sentTasks.length, sentTasks, rigState: core.monitoring.monitor.get(rigId)?.state ?? null });
  } else if (command === 'exit') {
    await core.close();
    say({ closed: true, sent: sentTasks.length });
    process.exit(0);
  }
}
