import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { taskRow, type TaskRow } from './task-rows';

/**
 * The rig's scheduled tasks, checkable: what each runs with its arguments, when (cron and its
 * meaning), camera-relative or on the rig's clock, and its next run; then the changes still
 * waiting in the outbox for this rig. Each task clearable, and "clear all"; both ask first.
 */
export function TaskTable({
  tasks,
  waiting,
  timeZone,
  onClear,
}: {
  tasks: ScheduledTask[];
  waiting: TaskRow[];
  timeZone: string;
  onClear(taskName?: string): void;
}) {
  // undefined: no dialog; null: clear all; a string: that task.
  const [asking, setAsking] = useState<string | null | undefined>(undefined);
  const rows = [...tasks.map((t) => taskRow(t, timeZone)), ...waiting];
  return (
    <>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-tasks">
          No tasks scheduled on this rig.
        </Text>
      ) : (
        <Table aria-label="Scheduled tasks" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Runs</Table.Th>
              <Table.Th>When (cron)</Table.Th>
              <Table.Th>Clock</Table.Th>
              <Table.Th>Next run ({timeZone})</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.key} data-waiting={t.waiting ?? undefined}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">{t.name}</Text>
                    {t.waiting && (
                      <Badge size="xs" color={t.waiting === 'failed' ? 'red' : t.waiting === 'conflict' ? 'yellow' : 'orange'} variant="light">
                        {t.waiting === 'failed' ? 'refused, in the outbox' : t.waiting === 'conflict' ? 'conflict, in the outbox' : 'waiting in the outbox'}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.words}</Text>
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {t.cronExpression ?? '—'}
                  </Text>
                  {t.cronWords && (
                    <Text size="xs" c="dimmed">
                      {t.cronWords}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {t.cameraRelative ? (
                    // As wide as its words: a squeezed column would cut the badge rather than wrap the table's text.
                    <Badge size="xs" miw="max-content" data-testid="camera-relative">
                      camera-relative
                    </Badge>
                  ) : (
                    <Text size="sm">rig clock</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.nextRun}</Text>
                </Table.Td>
                <Table.Td>
                  {!t.waiting && (
                    <Button size="compact-sm" variant="subtle" color="red" aria-label={`Clear task ${t.name}`} onClick={() => setAsking(t.name)}>
                      Clear
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="light" color="red" disabled={tasks.length === 0} onClick={() => setAsking(null)}>
          Clear all tasks
        </Button>
      </Group>
      <ConfirmDialog
        opened={asking !== undefined}
        title={asking === null ? 'Clear all tasks?' : `Clear task "${asking ?? ''}"?`}
        message={asking === null ? 'Every scheduled task on this rig is deleted.' : 'The task is deleted from the rig and will not run again.'}
        confirmLabel={asking === null ? 'Clear all' : 'Clear task'}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          onClear(asking ?? undefined);
          setAsking(undefined);
        }}
      />
    </>
  );
}
