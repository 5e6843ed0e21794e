import { Button, Group, Paper, Text } from '@mantine/core';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { Target } from '../../../src-main/contract/requests/targets';
import { describeSelection } from './fleet-model';

interface SelectionToolbarProps {
  selection: Target[];
  statuses: Record<string, RigStatus>;
  onRecord(): void;
  onStop(): void;
  onCopy(): void;
  onOutput(): void;
  onConfigure(): void;
  onSchedule(): void;
  onClear(): void;
}

/** Actions for everything ticked on the dashboard, across rigs; the selection in numbers, not names. */
export function SelectionToolbar({ selection, statuses, onRecord, onStop, onCopy, onOutput, onConfigure, onSchedule, onClear }: SelectionToolbarProps) {
  if (selection.length === 0) return null;
  return (
    <Paper withBorder p="xs" radius="md" role="toolbar" aria-label="Selection actions" pos="sticky" top={64} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" data-testid="selection-summary">
          {describeSelection(selection, statuses)}
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
          <Button size="xs" variant="default" onClick={onOutput}>
            Set output…
          </Button>
          <Button size="xs" variant="default" onClick={onConfigure}>
            Camera parameter…
          </Button>
          <Button size="xs" variant="default" onClick={onSchedule}>
            Schedule task…
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
