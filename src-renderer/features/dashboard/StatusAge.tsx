import { Text } from '@mantine/core';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { useAppStore } from '../../store/use-app-store';
import { ageWords } from '../../ui/format-time';
import { useSecondsClock } from '../../ui/use-seconds-clock';

/** "read 3 s ago": how fresh what is shown of a rig is (idle rigs out of view are read less often). */
export function StatusAge({ status }: { status: RigStatus | undefined }) {
  const nowMs = useSecondsClock();
  const readAtMs = useAppStore((s) => (status ? s.readAtMs[status.rigId] : undefined));
  if (!status?.checkedAtMs || status.state !== 'online') return null;
  const latestMs = Math.max(status.checkedAtMs, readAtMs ?? 0);
  return (
    <Text size="xs" c="dimmed" data-testid="status-age" title="When the app last read this rig's status">
      read {ageWords(latestMs, nowMs)}
    </Text>
  );
}
