import { describe, expect, it } from 'vitest';
import { DISK_FULL_PERCENT as SIM_DISK_FULL_PERCENT } from '../../../src-main/sim/rig-model';
import { DISK_FULL_PERCENT, diskLevel, diskWords, fullestDisk, stoppedByDiskWords } from '../../../src-shared/disk-use';

describe('disk use', () => {
  it('warns from 85 % and calls over 94 % full, where Motif (and the simulator standing for it) stops recording', () => {
    expect(SIM_DISK_FULL_PERCENT).toBe(DISK_FULL_PERCENT);
    expect([84.9, 85, 94, 94.1].map(diskLevel)).toEqual(['ok', 'nearly-full', 'nearly-full', 'full']);
  });

  it('takes the fullest disk of a rig, ignoring cameras that do not report one', () => {
    expect(fullestDisk([{ diskUsedPercent: null }, { diskUsedPercent: 70 }, { diskUsedPercent: 88 }])).toBe(88);
    expect(fullestDisk([{ diskUsedPercent: null }])).toBeNull();
  });

  it('says why a full disk matters', () => {
    expect(diskWords(42)).toBe('disk 42 % full');
    expect(diskWords(95)).toMatch(/^disk 95 % full: Motif stops recording above 94 %/);
    expect(stoppedByDiskWords(95)).toBe('stopped: disk 95 % full (Motif stops recording above 94 %)');
  });
});
