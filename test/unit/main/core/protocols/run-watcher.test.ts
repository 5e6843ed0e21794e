import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../../src-main/contract/requests/audit';
import type { RigStatus } from '../../../../../src-main/contract/requests/status';
import type { AppliedRecord } from '../../../../../src-main/core/protocols/applied-record';
import type { NoticeAbout } from '../../../../../src-main/core/notice-board';
import { RecordingWatcher, type RunWatcherDeps } from '../../../../../src-main/core/protocols/run-watcher';
import { WATCH_FILE_NAME, WatchFile } from '../../../../../src-main/core/protocols/watch-file';
import { cameraView } from '../../../fixtures/camera-view';

const NINE = Date.parse('2026-06-01T09:00:00Z');

const record = (rigId: string): AppliedRecord => ({
  rigId, protocol: 'daily', slug: 'daily', revision: 'abc', appliedAt: '2026-05-31T00:00:00.000Z', delivery: 'sent', params: {},
  tasks: [{ name: 'mc-daily-1', endpoint: 'schedule/camera/FAKE0/recording/start', cronExpression: '0 0 9 * * *', cameraRelative: false, args: { task_name: 'mc-daily-1', duration: 600 } }],
});

const status = (rigId: string, state: RigStatus['state'], recordingSince: number | null): RigStatus => ({
  rigId, rigName: rigId, state, stale: false, problem: null, lastSeenAtMs: null, checkedAtMs: recordingSince, retryDelayMs: null, version: '5', clockOffsetMs: 0,
  cameras: [cameraView({
    state: recordingSince === null ? 'idle' : 'recording',
    recording: recordingSince === null ? null : { filename: 'x.mp4', startedAtMs: recordingSince, durationSeconds: 600, elapsedSeconds: 1, remainingSeconds: 599 },
    timeZone: 'UTC',
  })],
});

describe('did it run?', () => {
  it('reports a planned recording start the rig did not make, once, as a notice and an audit entry', async () => {
    let now = NINE - 60_000;
    const statuses = new Map<string, RigStatus>([
      ['ran', status('ran', 'online', null)],
      ['missed', status('missed', 'online', null)],
      ['away', status('away', 'offline', null)],
    ]);
    const notices: [string, string][] = [];
    const about: NoticeAbout[] = [];
    const audit: AuditEntry[] = [];
    const watcher = new RecordingWatcher({
      applied: () => Promise.resolve(['ran', 'missed', 'away'].map(record)),
      status: (id) => statuses.get(id),
      onStatus: () => () => undefined,
      rigName: (id) => `Rig ${id}`,
      notice: (level, message, a) => {
        notices.push([level, message]);
        about.push(a);
      },
      audit: (e) => audit.push(e),
      now: () => now,
      graceMs: 30_000,
    });
    // The rig that ran is seen recording from 09:00:00.2 (its pending phase).
    now = NINE + 5000;
    watcher.observe(status('ran', 'online', NINE + 200));
    await watcher.check();
    expect(notices).toEqual([]); // still within the grace period
    now = NINE + 120_000;
    await watcher.check();
    await watcher.check();
    expect(notices).toEqual([
      ['error', 'Rig missed did not start recording at 2026-06-01T09:00:00Z on camera FAKE0 as planned (protocol "daily", task "mc-daily-1").'],
      ['warning', 'Rig away should have started recording at 2026-06-01T09:00:00Z on camera FAKE0 (protocol "daily", task "mc-daily-1"), but the app could not see it then: the rig was offline.'],
    ]);
    // Alerts name the rig and camera and say what to do, like every other alert.
    expect(about.map((a) => [a.rigName, a.serial, typeof a.advice])).toEqual([
      ['Rig missed', 'FAKE0', 'string'],
      ['Rig away', 'FAKE0', 'string'],
    ]);
    expect(audit.map((e) => [e.rigId, e.endpoint, e.outcome, e.errorCode])).toEqual([
      ['missed', 'camera/FAKE0/recording/start', 'error', 'missed-start'],
      ['away', 'camera/FAKE0/recording/start', 'error', 'missed-start'],
    ]);
  });

  it('says which rigs carry an applied protocol, so the monitor reads them at the quick pace', async () => {
    const watcher = new RecordingWatcher({
      applied: () => Promise.resolve([record('runs-one')]),
      status: () => undefined,
      onStatus: () => () => undefined,
      rigName: (id) => id,
      notice: () => {},
      audit: () => {},
      now: () => NINE,
      graceMs: 1000,
    });
    expect(watcher.carriesProtocol('runs-one')).toBe(false); // not checked yet
    await watcher.check();
    expect(watcher.carriesProtocol('runs-one')).toBe(true);
    expect(watcher.carriesProtocol('idle-rig')).toBe(false);
  });

  it('remembers what it saw and how each planned start turned out, for the past only', async () => {
    let now = NINE - 60_000;
    const statuses = new Map<string, RigStatus>([
      ['ran', status('ran', 'online', null)],
      ['missed', status('missed', 'online', null)],
      ['away', status('away', 'offline', null)],
    ]);
    const watcher = new RecordingWatcher({
      applied: () => Promise.resolve(['ran', 'missed', 'away'].map(record)),
      status: (id) => statuses.get(id),
      onStatus: () => () => undefined,
      rigName: (id) => id,
      notice: () => undefined,
      audit: () => undefined,
      now: () => now,
      graceMs: 30_000,
    });
    now = NINE + 5000;
    watcher.observe(status('ran', 'online', NINE + 200));
    now = NINE + 120_000;
    await watcher.check();
    // Still recording: no end yet.
    expect(watcher.past('ran', NINE - 3600_000, NINE + 3600_000).actual).toEqual([{ camera: 'FAKE0', startMs: NINE + 200, endMs: null }]);
    // The camera is seen idle: the recording ends when that answer was checked.
    now = NINE + 600_000;
    watcher.observe({ ...status('ran', 'online', null), checkedAtMs: NINE + 590_000 });
    // An away rig's answer does not end anything.
    watcher.observe(status('away', 'online', NINE + 1000));
    watcher.observe({ ...status('away', 'offline', null), checkedAtMs: NINE + 300_000 });
    const range = [NINE - 3600_000, NINE + 3600_000] as const;
    expect(watcher.past('ran', ...range)).toEqual({
      actual: [{ camera: 'FAKE0', startMs: NINE + 200, endMs: NINE + 590_000 }],
      verdicts: [{ task: 'mc-daily-1', atMs: NINE, camera: 'FAKE0', verdict: 'ran' }],
    });
    expect(watcher.past('missed', ...range)).toEqual({ actual: [], verdicts: [{ task: 'mc-daily-1', atMs: NINE, camera: 'FAKE0', verdict: 'missed' }] });
    expect(watcher.past('away', ...range)).toEqual({
      actual: [{ camera: 'FAKE0', startMs: NINE + 1000, endMs: null }],
      verdicts: [{ task: 'mc-daily-1', atMs: NINE, camera: 'FAKE0', verdict: 'not-seen' }],
    });
    // Outside the asked range, and the future, nothing.
    expect(watcher.past('ran', NINE + 600_001, NINE + 3600_000)).toEqual({ actual: [], verdicts: [] });
    expect(watcher.past('missed', NINE - 3600_000, NINE - 1)).toEqual({ actual: [], verdicts: [] });
  });
});

describe('planned against actual, across a restart', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const folder = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'motif-watch-'));
    dirs.push(d);
    return d;
  };
  const statuses = () => new Map<string, RigStatus>([
    ['ran', status('ran', 'online', null)],
    ['missed', status('missed', 'online', null)],
  ]);
  const range = [NINE - 3600_000, NINE + 3600_000] as const;

  /** A watcher on the config folder, as the app makes one at each start; the clock and what it tells are the test's. */
  function open(dir: string, clock: { now: number }, extra: Partial<RunWatcherDeps> = {}) {
    const notices: string[] = [];
    const damage: string[] = [];
    const known = statuses();
    const watcher = new RecordingWatcher({
      applied: () => Promise.resolve(['ran', 'missed'].map(record)),
      status: (id) => known.get(id),
      onStatus: () => () => undefined,
      rigName: (id) => id,
      notice: (_level, message) => notices.push(message),
      audit: () => undefined,
      now: () => clock.now,
      graceMs: 30_000,
      intervalMs: 3600_000,
      file: new WatchFile(dir, { onDamage: (m) => damage.push(m), now: () => new Date(clock.now) }),
      ...extra,
    });
    watcher.start();
    return { watcher, notices, damage };
  }

  /** The first run: sees the rig "ran" record 09:00 to 09:09:50 and judges both rigs' 09:00 start. */
  async function firstRun(dir: string) {
    const clock = { now: NINE - 60_000 };
    const run = open(dir, clock);
    clock.now = NINE + 5000;
    run.watcher.observe(status('ran', 'online', NINE + 200));
    clock.now = NINE + 120_000;
    await run.watcher.check();
    clock.now = NINE + 600_000;
    run.watcher.observe({ ...status('ran', 'online', null), checkedAtMs: NINE + 590_000 });
    await run.watcher.stop();
    expect(run.notices).toHaveLength(1); // the missed start, once
    return run;
  }

  it('keeps what was seen and judged: a new watcher on the same folder shows it', async () => {
    const dir = folder();
    await firstRun(dir);
    const clock = { now: NINE + 3600_000 };
    const again = open(dir, clock);
    await again.watcher.check();
    expect(again.watcher.past('ran', ...range)).toEqual({
      actual: [{ camera: 'FAKE0', startMs: NINE + 200, endMs: NINE + 590_000 }],
      verdicts: [{ task: 'mc-daily-1', atMs: NINE, camera: 'FAKE0', verdict: 'ran' }],
    });
    expect(again.watcher.past('missed', ...range).verdicts).toEqual([{ task: 'mc-daily-1', atMs: NINE, camera: 'FAKE0', verdict: 'missed' }]);
    expect(again.notices).toEqual([]);
    expect(again.damage).toEqual([]);
    await again.watcher.stop();
  });

  it('does not judge or alert a start judged before the restart again, even with the clock set back before it', async () => {
    const dir = folder();
    await firstRun(dir);
    // The computer's clock was put back: this run began watching before 09:00 too.
    const clock = { now: NINE - 30_000 };
    const again = open(dir, clock);
    clock.now = NINE + 120_000;
    await again.watcher.check();
    expect(again.notices).toEqual([]);
    expect(again.watcher.past('missed', ...range).verdicts).toHaveLength(1);
    await again.watcher.stop();
  });

  it('forgets what is older than a week, the judged starts too', async () => {
    const dir = folder();
    await firstRun(dir);
    const clock = { now: NINE + 8 * 24 * 3600_000 };
    const later = open(dir, clock);
    await later.watcher.check();
    later.watcher.observe(status('ran', 'online', clock.now - 1000));
    await later.watcher.stop();
    const kept = JSON.parse(readFileSync(path.join(dir, WATCH_FILE_NAME), 'utf8')) as { seen: Record<string, { startMs: number }[]>; verdicts: Record<string, unknown[]> };
    expect(kept.seen.ran?.map((s) => s.startMs)).toEqual([clock.now - 1000]);
    expect(Object.values(kept.verdicts).flat()).toEqual([]);
  });

  it('writes a burst of changes once, a moment later, not at each change', async () => {
    const dir = folder();
    let updates = 0;
    const file = new (class extends WatchFile {
      override update(merge: Parameters<WatchFile['update']>[0]) {
        updates += 1;
        return super.update(merge);
      }
    })(dir, { onDamage: () => undefined });
    const run = open(dir, { now: NINE + 60_000 }, { writeDelayMs: 50, file });
    await run.watcher.check();
    expect(updates).toBe(1); // what an earlier run kept is read at the start
    // Twenty recordings seen one after another (each a change) within the delay.
    for (let i = 0; i < 20; i += 1) run.watcher.observe(status('ran', 'online', NINE + i * 2000));
    await expect.poll(() => readFileSync(path.join(dir, WATCH_FILE_NAME), 'utf8')).toContain(String(NINE + 38_000));
    expect(updates).toBe(2);
    await run.watcher.stop();
    expect(updates).toBe(2);
  });

  it('sets a damaged file aside with a clear line, keeps its text, and goes on', async () => {
    for (const [text, reason] of [
      ['{"version":1,"seen":{"ran":[{"camera":"FAKE0",', 'it is cut short or not JSON'],
      ['{"version":1,"seen":{"ran":[{"camera":7}]},"verdicts":{}}', 'it does not hold what the app saw (seen.ran.0.camera:'],
    ] as const) {
      const dir = folder();
      const file = path.join(dir, WATCH_FILE_NAME);
      writeFileSync(file, text);
      const { watcher, damage } = await firstRun(dir);
      expect(damage).toHaveLength(1);
      expect(damage[0]).toContain(`${file}, could not be read: ${reason}`);
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${WATCH_FILE_NAME}.corrupt-`));
      expect(aside).toHaveLength(1);
      expect(damage[0]).toContain(`It was moved to ${path.join(dir, aside[0]!)}`);
      expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(text);
      // What this run saw is kept in a new file.
      expect(existsSync(file)).toBe(true);
      expect(watcher.past('ran', ...range).verdicts).toHaveLength(1);
      const again = open(dir, { now: NINE + 3600_000 });
      await again.watcher.check();
      expect(again.watcher.past('ran', ...range).verdicts).toHaveLength(1);
      expect(again.damage).toEqual([]);
      await again.watcher.stop();
    }
  });
});
