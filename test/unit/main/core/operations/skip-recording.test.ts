import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { RigSummary } from '../../../../../src-main/contract/requests/rigs';
import type { TargetOutcome } from '../../../../../src-main/contract/requests/targets';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { planStart, type KnownCamera } from '../../../../../src-main/core/operations/skip-recording';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../secrets/memory-keychain';
import { waitFor } from '../registry/rig-fixture';

describe('planStart', () => {
  const cams = (recording: boolean[]): KnownCamera[] => recording.map((r, i) => ({ serial: `C${i}`, recording: r }));
  const rigs: Record<string, KnownCamera[]> = { idle: cams([false, false]), all: cams([true, true]), half: cams([true, false]) };
  const plan = (targets: { rigId: string; serial?: string }[]) => planStart(targets, (id) => rigs[id]);

  it('sends to idle rigs and rigs with unknown cameras as asked', () => {
    expect(plan([{ rigId: 'idle' }, { rigId: 'away' }])).toEqual({ send: [{ rigId: 'idle' }, { rigId: 'away' }], skipped: [] });
  });
  it('skips a rig whose cameras all record', () => {
    expect(plan([{ rigId: 'all' }])).toEqual({ send: [], skipped: [{ rigId: 'all' }] });
  });
  it('starts the idle cameras of a rig that records on some, one by one', () => {
    expect(plan([{ rigId: 'half' }])).toEqual({ send: [{ rigId: 'half', serial: 'C1' }], skipped: [{ rigId: 'half', serial: 'C0' }] });
  });
  it('skips a camera target that records, sends one that does not', () => {
    expect(plan([{ rigId: 'half', serial: 'C0' }, { rigId: 'half', serial: 'C1' }])).toEqual({
      send: [{ rigId: 'half', serial: 'C1' }],
      skipped: [{ rigId: 'half', serial: 'C0' }],
    });
  });
});

describe('recording.start over a selection', () => {
  let core: AppCore;
  let rigs: RigSummary[];
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = (await core.dispatch(name, args)) as Result<T>;
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const words = (outcomes: TargetOutcome[]) =>
    outcomes.map((o) => `${o.rigName}${o.serial ? `/${o.serial}` : ''}: ${o.ok ? o.delivery : o.error.message}`);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-skip-'));
    core = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(new MemoryKeychain(), { cacheMs: 0 }) });
    rigs = (await call<{ rigs: RigSummary[] }>('demo.start', { count: 2 })).rigs;
    await call('status.refresh', {});
  });
  afterAll(async () => {
    await core.close();
  });

  it('skips the rig already recording and says so, starts the other, and never restarts the running file', async () => {
    const [first, second] = rigs;
    const once = await call<TargetOutcome[]>('recording.start', { targets: [{ rigId: first!.id }], options: { filename: 'first' } });
    expect(words(once)).toEqual(['Simulated rig 1: sent']);
    const both = await call<TargetOutcome[]>('recording.start', { targets: [{ rigId: first!.id }, { rigId: second!.id }], options: { filename: 'second' } });
    expect(words(both)).toEqual(['Simulated rig 2: sent', 'Simulated rig 1: already recording, not restarted']);
    const [status] = await call<{ cameras: { recording: { filename: string | null } | null }[] }[]>('status.refresh', { rigId: first!.id });
    expect(status!.cameras.map((c) => c.recording?.filename)).toEqual(expect.arrayContaining([expect.stringContaining('first')]));
    await call('recording.stop', { targets: rigs.map((r) => ({ rigId: r.id })) });
    // Stopped a moment ago: a start right after is sent, not skipped on an old status.
    const again = await call<TargetOutcome[]>('recording.start', { targets: [{ rigId: first!.id }], options: {} });
    expect(words(again)).toEqual(['Simulated rig 1: sent']);
    await call('recording.stop', { targets: [{ rigId: first!.id }] });
  });

  // Commands go first, and their outcomes come as they are known.
  it("sends a start to a rig whose status reads are slow without waiting for them", async () => {
    const slow = core.simulated.rig(rigs[0]!.id)!;
    slow.setFault('latency=1500@^camera/[^/]+$');
    try {
      const reading = call('status.refresh', { rigId: rigs[0]!.id }); // a slow read under way
      await new Promise((r) => setTimeout(r, 100));
      const asked = Date.now();
      const outcomes = await call<TargetOutcome[]>('recording.start', { targets: [{ rigId: rigs[0]!.id }], options: {} });
      const started = slow.events().find((e) => e.endpoint === 'recording/start' && e.at >= asked);
      expect(outcomes.map((o) => o.ok)).toEqual([true]);
      // The read began first and takes 1.5 s; the start reached the rig while it was still under way.
      expect(started).toBeDefined();
      expect(started!.at - asked).toBeLessThan(1000);
      await reading;
    } finally {
      slow.reset();
      await call('recording.stop', { targets: [{ rigId: rigs[0]!.id }] });
    }
  });

  it('tells each target outcome as it comes when the caller names the command, the slow rig last', async () => {
    const slow = core.simulated.rig(rigs[0]!.id)!;
    slow.setFault('latency=800@^recording/stop$');
    const told: string[] = [];
    const stop = core.events.on('targets.outcome', ({ progress, outcome }) => {
      if (progress === 'stop-all-1') told.push(outcome.rigName);
    });
    try {
      const outcomes = call<TargetOutcome[]>('recording.stop', { targets: rigs.map((r) => ({ rigId: r.id })), progress: 'stop-all-1' });
      await waitFor(() => told.length === 1);
      expect(told).toEqual([rigs[1]!.name]); // the fast rig's outcome, while the slow one is still under way
      const all = await outcomes;
      expect(told).toEqual([rigs[1]!.name, rigs[0]!.name]);
      // The answer keeps the order of the targets.
      expect(all.map((o) => o.rigName)).toEqual(rigs.map((r) => r.name));
    } finally {
      stop();
      slow.reset();
    }
  });
});
