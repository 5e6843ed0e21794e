/**
 * Reliability: a recording file name with a control character or a path separator (a pasted
 * line, a careless script, a protocol parameter) is refused everywhere a name is taken, before
 * anything is sent: the window's requests, a scheduled recording, a protocol (its own name or a
 * parameter's value), the raw operation and rig.call, a rig's preset, and motifctl.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import { runRigCommand } from '../main/cli/commands/run-commands';
import { KEY, startApp, type App } from './app-fixture';

const BAD = ['a\nb\u0000c', 'x\u0000', 'line\r', 'tab\there', 'del\u007f', 'c1\u0085', 'a/b', '../up', 'a\\b', '/abs'];

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

const protocol = (filename: string, parameters: Record<string, { default: string }> = {}) => ({
  version: 1,
  name: 'names',
  parameters,
  recordings: [{ when: { at: ['06:00'] }, durationSeconds: 60, filename }],
});

describe('recording file names with control characters or path separators', { timeout: 90_000 }, () => {
  it('are refused as invalid-args by every request that takes one, and nothing reaches the rig', async () => {
    const { rigId } = app;
    const serial = app.sim.info.serials[0]!;
    const cases: [string, string, (bad: string) => unknown][] = [
      ['recording.start', 'recording.start', (b) => ({ targets: [{ rigId, serial }], options: { filename: b } })],
      ['schedule.add', 'schedule.add', (b) => ({ targets: [{ rigId }], taskName: 't1', cronExpression: '0 0 12 * * *', operation: { kind: 'recording.start', options: { filename: b } } })],
      ['protocols.apply', 'protocols.apply', (b) => ({ ref: { protocol: protocol(b) }, rigs: [{ rigId }] })],
      ['protocols.apply (parameter)', 'protocols.apply', (b) => ({ ref: { protocol: protocol('trial-{{animal}}', { animal: { default: 'fly' } }) }, rigs: [{ rigId, params: { animal: b } }] })],
      ['protocols.save', 'protocols.save', (b) => ({ protocol: protocol(b) })],
      ['operations.run', 'operations.run', (b) => ({ targets: [{ rigId, serial }], operation: 'recording.start', body: { filename: b } })],
      ['rig.call', 'rig.call', (b) => ({ rigId, endpoint: `camera/${serial}/recording/start`, args: { filename: b } })],
      ['rig.call (schedule)', 'rig.call', (b) => ({ rigId, endpoint: 'schedule/recording/start', args: { task_name: 't2', cron_expression: '0 0 12 * * *', filename: b } })],
      ['rigs.update (preset)', 'rigs.update', (b) => ({ rigId, patch: { preset: { filenamePattern: b } } })],
    ];
    const before = app.sim.events().filter((e) => e.method !== 'GET').length;
    let calls = 0;
    let refused = 0;
    const wrong: string[] = [];
    for (const [label, request, args] of cases) {
      for (const bad of BAD) {
        calls++;
        const r = (await app.call(request, args(bad))) as Result<unknown>;
        const codes = !r.ok ? [r.error.code] : Array.isArray(r.value) ? r.value.map((o: { ok: boolean; error?: { code: string } }) => (o.ok ? 'ok' : o.error!.code)) : ['ok'];
        if (codes.length > 0 && codes.every((c) => c === 'invalid-args')) refused++;
        else wrong.push(`${label} ${JSON.stringify(bad)}: ${codes.join(',')}`);
      }
    }
    const env = { MOTIF_HOST: app.sim.info.host, MOTIF_PORT: String(app.sim.info.port), MOTIF_API_KEY: KEY, MOTIF_FINGERPRINT: app.sim.info.fingerprint256, MOTIF_CONTROL_CONFIG_DIR: app.dir };
    const folder = mkdtempSync(join(tmpdir(), 'motif-names-'));
    let cliRefused = 0;
    for (const bad of BAD) {
      const file = join(folder, 'names.json');
      writeFileSync(file, JSON.stringify(protocol(bad)));
      const runs = [await runRigCommand(['protocol', 'apply', file], env), await runRigCommand(['record', 'start', '--filename', bad], env)];
      for (const run of runs) {
        calls++;
        if (run.code !== 0 && /file name/i.test(run.stderr)) cliRefused++;
        else wrong.push(`motifctl ${JSON.stringify(bad)}: exit ${run.code}, ${run.stderr.trim()}`);
      }
    }
    const reached = app.sim.events().filter((e) => e.method !== 'GET').length - before;
    const queued = (await app.call('outbox.list', {})) as Result<{ entries: unknown[] }>;
    console.log(
      `file names: requests ${cases.length} + 2 motifctl commands, bad names ${BAD.length}, calls ${calls}, refused ${refused + cliRefused}, ` +
        `reached the rig ${reached}, queued ${queued.ok ? queued.value.entries.length : '?'}, tasks on the rig ${app.sim.state.tasks.length}`,
    );
    expect(wrong).toEqual([]);
    expect(reached).toBe(0);
    expect(app.sim.state.tasks).toEqual([]);
    expect(queued.ok && queued.value.entries).toEqual([]);
    // A good name still goes.
    const good = (await app.call('recording.start', { targets: [{ rigId, serial }], options: { filename: 'trial 7 (fly)' } })) as Result<{ ok: boolean }[]>;
    expect(good.ok && good.value.every((o) => o.ok)).toBe(true);
  });
});
