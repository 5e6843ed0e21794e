import { describe, expect, it } from 'vitest';
import type { CameraRecording } from '../../../../../src-main/contract/requests/status';
import { recordingTimesAt } from '../../../../../src-renderer/features/dashboard/recording-times';

const rec = (over: Partial<CameraRecording> = {}): CameraRecording => ({
  filename: 'a',
  startedAtMs: null,
  durationSeconds: null,
  elapsedSeconds: null,
  remainingSeconds: null,
  ...over,
});

describe('recordingTimesAt', () => {
  it('counts from the rig start time, corrected by the rig clock offset', () => {
    // Rig clock runs 2 s ahead: started at rig 10_000 ms, PC now 20_000 ms = rig 22_000 ms.
    const t = recordingTimesAt(rec({ startedAtMs: 10_000, durationSeconds: 60 }), { clockOffsetMs: 2000, checkedAtMs: 19_000, stale: false }, 20_000);
    expect(t.elapsedSeconds).toBe(12);
    expect(t.remainingSeconds).toBe(48);
  });

  it('ticks from the last poll when the rig gave no start time', () => {
    const t = recordingTimesAt(rec({ elapsedSeconds: 5, remainingSeconds: 25, durationSeconds: 30 }), { clockOffsetMs: null, checkedAtMs: 1000, stale: false }, 4000);
    expect(t.elapsedSeconds).toBe(8);
    expect(t.remainingSeconds).toBe(22);
  });

  it('never shows negative remaining time past the end', () => {
    const t = recordingTimesAt(rec({ startedAtMs: 0, durationSeconds: 10 }), { clockOffsetMs: 0, checkedAtMs: 0, stale: false }, 30_000);
    expect(t.remainingSeconds).toBe(0);
  });

  it('does not extrapolate stale status: the last known values stay as they were', () => {
    const t = recordingTimesAt(rec({ startedAtMs: 0, elapsedSeconds: 7, remainingSeconds: 3, durationSeconds: 10 }), { clockOffsetMs: 0, checkedAtMs: 7000, stale: true }, 60_000);
    expect(t).toEqual({ elapsedSeconds: 7, remainingSeconds: 3 });
  });

  it('has no elapsed time when neither start nor poll time is known', () => {
    expect(recordingTimesAt(rec(), { clockOffsetMs: null, checkedAtMs: null, stale: false }, 1000).elapsedSeconds).toBeNull();
  });
});
