import { Button, Group, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { describeSelection } from './fleet-model';

/** Actions for everything ticked on the dashboard, across rigs; the selection in numbers, not names. */
export function SelectionToolbar() {
  const selection = useAppStore((s) => s.selection);
  // A sentence, so a status change re-renders the bar only when the sentence changes.
  const summary = useAppStore((s) => describeSelection(s.selection, s.statuses));
  if (selection.length === 0) return null;
  return (
    <Paper withBorder p="xs" radius="md" role="toolbar" aria-label="Selection actions" pos="sticky" top={64} style={{ zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" data-testid="selection-summary">
          {summary}
        </Text>
        <SelectionButtons selection={selection} />
      </Group>
    </Paper>
  );
}

/** The buttons change with the selection only, not with the summary above them (which follows every status). */
const SelectionButtons = memo(function SelectionButtons({ selection }: { selection: Target[] }) {
  const openDialog = useAppStore((s) => s.openDialog);
  const onClear = useAppStore((s) => s.clearSelection);
  const onRecord = () => openDialog({ kind: 'record', targets: selection });
  const onStop = () => openDialog({ kind: 'stop', targets: selection });
  const onCopy = () => openDialog({ kind: 'copy', targets: selection });
  const onOutput = () => openDialog({ kind: 'fleet-action', action: 'outputs.set', targets: selection });
  const onConfigure = () => openDialog({ kind: 'fleet-action', action: 'cameras.configure', targets: selection });
  const onSchedule = () => openDialog({ kind: 'fleet-schedule', targets: selection });
  return (
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
  );
});
