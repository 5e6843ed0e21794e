import { Text } from '@mantine/core';
import type { CameraStatusView } from '../../src-main/contract/requests/status';
import { diskLevel, diskWords, fullestDisk } from '../../src-shared/disk-use';

const colors = { ok: 'dimmed', 'nearly-full': 'orange.8', full: 'red' } as const;

/** How full a rig's disk is (its fullest, when cameras record to several), warned from 85 %. */
export function DiskUse({ cameras }: { cameras: CameraStatusView[] }) {
  const percent = fullestDisk(cameras);
  if (percent === null) return null;
  const level = diskLevel(percent);
  return (
    <Text size="xs" c={colors[level]} fw={level === 'ok' ? undefined : 600} data-testid="disk-use" data-level={level}>
      {diskWords(percent)}
    </Text>
  );
}
