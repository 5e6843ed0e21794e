import { describe, expect, it } from 'vitest';
import { CameraStatusView, RigConnectionState } from '../../../src-main/contract/requests/status';
import { cameraStateWords, rigStateWords, shownCameraState } from '../../../src-shared/rig-state-words';

describe('rig state words', () => {
  it('has one row for each connection state of the contract, no more', () => {
    expect(Object.keys(rigStateWords).sort()).toEqual([...RigConnectionState.options].sort());
  });

  it('keeps the words of the badge and of the tray apart where they differ', () => {
    expect(rigStateWords.online).toEqual({ badge: 'online', color: 'teal', tray: 'idle', problem: false });
    expect(rigStateWords['no-key']).toMatchObject({ badge: 'no key', tray: 'no API key' });
  });
});

describe('shown camera state', () => {
  it('reads a camera whose process is disconnected as disconnected, whatever its recording state says', () => {
    expect(shownCameraState({ connected: false, state: 'idle' })).toBe('disconnected');
    expect(shownCameraState({ connected: true, state: 'idle' })).toBe('idle');
    expect(shownCameraState({ connected: null, state: 'recording' })).toBe('recording');
  });

  it('has words for every camera state of the contract and for disconnected', () => {
    expect(Object.keys(cameraStateWords).sort()).toEqual([...CameraStatusView.shape.state.options, 'disconnected'].sort());
  });
});
