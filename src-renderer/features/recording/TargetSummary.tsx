import { Badge, Group, Text } from '@mantine/core';
import { memo } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';

/** Chips shown before the rest is counted: a dialog about 200 rigs stays a dialog. */
const SHOWN = 12;

/** The rigs/cameras an action will go to, as chips; past a dozen, the first ones and how many more. */
export const TargetSummary = memo(function TargetSummary({ targets, rigNames }: { targets: Target[]; rigNames: Record<string, string> }) {
  const shown = targets.length > SHOWN ? targets.slice(0, SHOWN - 2) : targets;
  const rigCount = new Set(targets.map((t) => t.rigId)).size;
  return (
    <Group gap={4}>
      <Group gap={4} aria-label="Targets" role="list">
        {shown.map((t) => (
          <Badge key={`${t.rigId}/${t.serial ?? '*'}`} variant="light" role="listitem" tt="none">
            {rigNames[t.rigId] ?? t.rigId} · {t.serial ? `camera ${t.serial}` : 'all cameras'}
          </Badge>
        ))}
      </Group>
      {shown.length < targets.length && (
        <Text size="xs" c="dimmed" data-testid="targets-more">
          and {targets.length - shown.length} more ({targets.length} targets on {rigCount} rig{rigCount === 1 ? '' : 's'})
        </Text>
      )}
    </Group>
  );
});
