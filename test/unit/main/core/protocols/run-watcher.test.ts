import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../../src-main/contract/requests/audit';
import type { RigStatus } from '../../../../../src-main/contract/requests/status';
import type { AppliedRecord } from '../../../../../src-main/core/protocols/applied-record';
import type { NoticeAbout } from '../../../../../src-main/core/notice-board';
import { RecordingWatcher } from '../../../../../src-main/core/protocols/run-watcher';
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
