import { Button, Group, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import type { OpenDialog } from '../shell/dialog-slice';
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

/** What can be done to a selection: each button's words and the dialog it opens for the targets. */
const SELECTION_ACTIONS: { label: string; red?: boolean; dialog(targets: Target[]): OpenDialog }[] = [
  { label: 'Record selected…', red: true, dialog: (targets) => ({ kind: 'record', targets }) },
  { label: 'Stop selected…', dialog: (targets) => ({ kind: 'stop', targets }) },
  { label: 'Copy recordings…', dialog: (targets) => ({ kind: 'copy', targets }) },
  { label: 'Set output…', dialog: (targets) => ({ kind: 'fleet-action', action: 'outputs.set', targets }) },
  { label: 'Camera parameter…', dialog: (targets) => ({ kind: 'fleet-action', action: 'cameras.configure', targets }) },
  { label: 'Schedule task…', dialog: (targets) => ({ kind: 'fleet-schedule', targets }) },
];

/** The buttons change with the selection only, not with the summary above them (which follows every status). */
const SelectionButtons = memo(function SelectionButtons({ selection }: { selection: Target[] }) {
  const openDialog = useAppStore((s) => s.openDialog);
  const onClear = useAppStore((s) => s.clearSelection);
  return (
    <Group gap="xs">
      {SELECTION_ACTIONS.map((a) => (
        <Button key={a.label} size="xs" {...(a.red ? { color: 'red' } : { variant: 'default' })} onClick={() => openDialog(a.dialog(selection))}>
          {a.label}
        </Button>
      ))}
      <Button size="xs" variant="subtle" onClick={onClear}>
        Clear selection
      </Button>
    </Group>
  );
});
