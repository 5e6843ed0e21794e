import { Badge, Group } from '@mantine/core';
import type { Target } from '../../../src-main/contract/requests/targets';

/** The rigs/cameras an action will go to, as chips. */
export function TargetSummary({ targets, rigNames }: { targets: Target[]; rigNames: Record<string, string> }) {
  return (
    <Group gap={4} aria-label="Targets" role="list">
      {targets.map((t) => (
        <Badge key={`${t.rigId}/${t.serial ?? '*'}`} variant="light" role="listitem" tt="none">
          {rigNames[t.rigId] ?? t.rigId} · {t.serial ? `camera ${t.serial}` : 'all cameras'}
        </Badge>
      ))}
    </Group>
  );
}
