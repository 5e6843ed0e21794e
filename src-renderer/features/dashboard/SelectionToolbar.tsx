import { Button, Group, Paper, Text } from '@mantine/core';
import type { Target } from '../../../src-main/contract/requests/targets';

interface SelectionToolbarProps {
  selection: Target[];
  rigNames: Record<string, string>;
  onRecord(): void;
  onStop(): void;
  onCopy(): void;
  onClear(): void;
}

const describe = (selection: Target[], rigNames: Record<string, string>) => {
  const rigs = new Set(selection.map((t) => t.rigId)).size;
  const cameras = selection.filter((t) => t.serial !== undefined).length;
  const whole = selection.length - cameras;
  const parts = [whole && `${whole} ${whole === 1 ? 'rig' : 'rigs'} (all cameras)`, cameras && `${cameras} ${cameras === 1 ? 'camera' : 'cameras'}`];
  const names = [...new Set(selection.map((t) => rigNames[t.rigId] ?? t.rigId))].join(', ');
  const where = cameras > 0 ? ` on ${rigs} ${rigs === 1 ? 'rig' : 'rigs'}` : '';
  return `${parts.filter(Boolean).join(' + ')}${where}: ${names}`;
};

/** Actions for everything ticked on the dashboard, across rigs. */
export function SelectionToolbar({ selection, rigNames, onRecord, onStop, onCopy, onClear }: SelectionToolbarProps) {
  if (selection.length === 0) return null;
  return (
    <Paper withBorder p="xs" radius="md" role="toolbar" aria-label="Selection actions" pos="sticky" top={64} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" data-testid="selection-summary">
          Selected: {describe(selection, rigNames)}
        </Text>
        <Group gap="xs">
          <Button size="xs" color="red" onClick={onRecord}>
            Record selected…
          </Button>
          <Button size="xs" variant="default" onClick={onStop}>
            Stop selected…
          </Button>
          <Button size="xs" variant="default" onClick={onCopy}>
            Copy recordings…
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
