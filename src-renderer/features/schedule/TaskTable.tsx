import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** The rig's scheduled tasks, each clearable, and "clear all"; both ask first. */
export function TaskTable({ tasks, onClear }: { tasks: ScheduledTask[]; onClear(taskName?: string): void }) {
  // undefined: no dialog; null: clear all; a string: that task.
  const [asking, setAsking] = useState<string | null | undefined>(undefined);
  return (
    <>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-tasks">
          No tasks scheduled on this rig.
        </Text>
      ) : (
        <Table aria-label="Scheduled tasks" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>When (cron)</Table.Th>
              <Table.Th>Operation</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((t) => (
              <Table.Tr key={t.name}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Text ff="monospace" size="sm">
                      {t.cronExpression ?? '—'}
                    </Text>
                    {t.cameraRelative && <Badge size="xs">from recording start</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.endpoint ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="red" aria-label={`Clear task ${t.name}`} onClick={() => setAsking(t.name)}>
                    Clear
                  </Button>
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
