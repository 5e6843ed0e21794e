import { describe, expect, it } from 'vitest';
import type { MotifBridge } from '../../../../../src-main/contract/bridge';
import { fail } from '../../../../../src-main/contract/errors';
import { createAppStore } from '../../../../../src-renderer/store/app-store';

// Selection never reaches main; a bridge that refuses everything proves it.
const refusingBridge: MotifBridge = {
  call: async () => fail('internal', 'not used'),
  on: () => () => {},
};

describe('dashboard selection', () => {
  it('a whole rig and some of its cameras are never selected together', () => {
    const store = createAppStore(refusingBridge);
    const s = () => store.getState();
    s().toggleCameraSelected('a', 'CAM1');
    s().toggleCameraSelected('a', 'CAM2');
    s().toggleCameraSelected('b', 'CAM9');
    expect(s().selection).toEqual([
      { rigId: 'a', serial: 'CAM1' },
      { rigId: 'a', serial: 'CAM2' },
      { rigId: 'b', serial: 'CAM9' },
    ]);
    s().toggleRigSelected('a');
    expect(s().selection).toEqual([{ rigId: 'b', serial: 'CAM9' }, { rigId: 'a' }]);
    s().toggleCameraSelected('a', 'CAM1');
    expect(s().selection).toEqual([{ rigId: 'b', serial: 'CAM9' }, { rigId: 'a', serial: 'CAM1' }]);
  });

  it('toggling twice deselects; select-all and clear replace the selection', () => {
    const store = createAppStore(refusingBridge);
    const s = () => store.getState();
    s().toggleCameraSelected('a', 'CAM1');
    s().toggleCameraSelected('a', 'CAM1');
    expect(s().selection).toEqual([]);
    s().toggleRigSelected('a');
    s().toggleRigSelected('a');
    expect(s().selection).toEqual([]);
    s().selectRigs(['a', 'b']);
    expect(s().selection).toEqual([{ rigId: 'a' }, { rigId: 'b' }]);
    s().clearSelection();
    expect(s().selection).toEqual([]);
  });
});
