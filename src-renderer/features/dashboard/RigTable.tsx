import { Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { Target } from '../../../src-main/contract/requests/targets';
import { cameraStateWords, shownCameraState } from '../../../src-shared/rig-state-words';
import { formatClockOffset } from '../../ui/format-time';
import { RigStateBadge } from '../../ui/RigStateBadge';
import { SimulatedBadge } from '../../ui/SimulatedBadge';
import { DiskUse } from '../../ui/DiskUse';
import { useCoreAway } from '../status/core-away';
import { RetryNow } from './RetryNow';
import { JobProgress } from '../recordings/JobProgress';
import { RigActions, type RigActionHandlers } from './RigActions';

interface RigTableProps {
  rigs: RigSummary[];
  statuses: Record<string, RigStatus>;
  selection: Target[];
  onToggleRig(rigId: string): void;
  handlersFor(rig: RigSummary): RigActionHandlers;
}

/** Rows have no recordings list to reload when a job ends. */
const nothingToReload = () => {};

/** Compact rows for labs with many rigs: one line each, cameras summarised, copy/export progress as on the Recordings tab. */
export function RigTable({ rigs, statuses, selection, onToggleRig, handlersFor }: RigTableProps) {
  const away = useCoreAway();
  return (
    <Table striped highlightOnHover verticalSpacing={4} aria-label="Rigs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={32} />
          <Table.Th>Rig</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Cameras</Table.Th>
          <Table.Th>Version / clock</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rigs.map((rig) => {
          const status = statuses[rig.id];
          const cameras = status?.cameras ?? [];
          const recording = cameras.filter((c) => c.state === 'recording').length;
          const disconnected = cameras.filter((c) => shownCameraState(c) === 'disconnected').length;
          const handlers = handlersFor(rig);
          return (
            <Table.Tr key={rig.id} data-testid="rig-row" data-rig-id={rig.id} style={away ? { opacity: 0.6 } : undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select rig ${rig.name}`}
                  checked={selection.some((t) => t.rigId === rig.id && t.serial === undefined)}
                  onChange={() => onToggleRig(rig.id)}
                />
              </Table.Td>
              <Table.Td>
                <UnstyledButton onClick={handlers.onOpen}>
                  <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {rig.name}
                  </Text>
                </UnstyledButton>
                {/* The badge sits with the address, so a long name keeps its line. */}
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">{`${rig.host}:${rig.port}`}</Text>
                  <SimulatedBadge simulated={rig.simulated} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <RigStateBadge state={status?.state ?? 'unknown'} stale={(status?.stale ?? false) || away !== null} problem={away ?? status?.problem?.message} />
                  <RetryNow status={status} disabledReason={away} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {cameras.length === 0 ? '–' : `${cameras.length} · ${recording} recording`}
                  {disconnected > 0 && (
                    <Text span size="sm" c={cameraStateWords.disconnected.color} data-testid="cameras-disconnected">
                      {` · ${disconnected} ${cameraStateWords.disconnected.badge}`}
                    </Text>
                  )}
                </Text>
                <DiskUse cameras={cameras} />
                <JobProgress cameras={cameras} onJobsFinished={nothingToReload} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {status?.version ?? '–'}
                  {status?.clockOffsetMs != null ? ` · ${formatClockOffset(status.clockOffsetMs)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <RigActions rigName={rig.name} handlers={handlers} recording={recording > 0} disabledReason={away} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
