import { describe, expect, it } from 'vitest';
import type { CameraStatusView, RigStatus } from '../../../../../src-main/contract/requests/status';
import { rigCommandReasons } from '../../../../../src-renderer/features/dashboard/rig-commands';
import { cameraView } from '../../../fixtures/camera-view';

const status = (state: RigStatus['state'], cameras: CameraStatusView[] = [cameraView()]): RigStatus => ({
  rigId: 'r',
  rigName: 'rig-1',
  state,
  stale: state !== 'online',
  problem: null,
  lastSeenAtMs: 0,
  checkedAtMs: 0,
  retryDelayMs: null,
  version: '5.2',
  clockOffsetMs: 0,
  cameras,
});

describe("a rig's Record and Stop", () => {
  it('are on for an answering rig, and while it is still being checked', () => {
    expect(rigCommandReasons('rig-1', status('online'), null)).toEqual({ record: null, stop: null });
    expect(rigCommandReasons('rig-1', status('unknown'), null)).toEqual({ record: null, stop: null });
    expect(rigCommandReasons('rig-1', undefined, null)).toEqual({ record: null, stop: null });
  });

  it('are off, saying why, for a rig that does not answer or refuses the app', () => {
    const offline = rigCommandReasons('rig-1', status('offline', [cameraView({ state: 'recording' })]), null);
    expect(offline.record).toBe('rig-1 is not answering: nothing can be sent to it until it does.');
    expect(offline.stop).toBe(offline.record);
    expect(rigCommandReasons('rig-1', status('key-rejected'), null).record).toBe('rig-1: key rejected. Nothing can be sent to it until that is fixed.');
  });

  it("are off with the core's reason while the core is away", () => {
    expect(rigCommandReasons('rig-1', status('online'), 'core away')).toEqual({ record: 'core away', stop: 'core away' });
  });

  it('Record is off when every camera is disconnected; Stop stays on', () => {
    const cameras = [cameraView({ serial: 'A', connected: false }), cameraView({ serial: 'B', connected: false })];
    expect(rigCommandReasons('rig-1', status('online', cameras), null)).toEqual({
      record: 'Every camera of rig-1 is disconnected: connect them in Multicam first.',
      stop: null,
    });
    expect(rigCommandReasons('rig-1', status('online', [cameras[0]!, cameraView({ serial: 'B' })]), null).record).toBeNull();
  });

  it("Record is off when every camera's disk is full, saying what to do; Stop stays on", () => {
    const full = [cameraView({ serial: 'A', diskUsedPercent: 96 }), cameraView({ serial: 'B', diskUsedPercent: 95 })];
    expect(rigCommandReasons('rig-1', status('online', full), null)).toEqual({
      record: "rig-1's disk is 95 % full: Motif starts no recording above 94 %. Copy recordings off or free space first.",
      stop: null,
    });
    // One camera with room can still record: the rig refuses only the others, and says so.
    expect(rigCommandReasons('rig-1', status('online', [full[0]!, cameraView({ serial: 'B', diskUsedPercent: 60 })]), null).record).toBeNull();
    expect(rigCommandReasons('rig-1', status('online', [cameraView({ diskUsedPercent: 94 })]), null).record).toBeNull();
  });
});
