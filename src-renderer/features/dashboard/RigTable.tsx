import { Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { cameraStateWords, shownCameraState } from '../../../src-shared/rig-state-words';
import { useAppStore } from '../../store/use-app-store';
import { formatClockOffset } from '../../ui/format-time';
import { RigStateBadge } from '../../ui/RigStateBadge';
import { SimulatedBadge } from '../../ui/SimulatedBadge';
import { DiskUse } from '../../ui/DiskUse';
import { useCoreAway } from '../status/core-away';
import { RetryNow } from './RetryNow';
import { JobProgress } from '../recordings/JobProgress';
import { rigCommandReasons } from './rig-commands';
import { RigActions } from './RigActions';
import { StatusAge } from './StatusAge';
import { useRigHandlers, useRigItem } from './use-rig-item';
import { useWindowList } from './use-window-list';
import { useWatchRigs } from '../status/use-watch-rigs';

/** Rows have no recordings list to reload when a job ends. */
const nothingToReload = () => {};

/**
 * Compact rows for labs with many rigs: one line each, cameras summarised, copy/export progress
 * as on the Recordings tab. Only the rows near the screen are in the page; each row follows its
 * own rig, so a change on one rig re-renders that row alone.
 */
export function RigTable({ rigIds }: { rigIds: string[] }) {
  const { listRef, items, before, after, measure } = useWindowList<HTMLTableSectionElement>(rigIds.length, 62, (i) => rigIds[i]!);
  useWatchRigs(items.map((item) => rigIds[item.index]!));
  return (
    <Table highlightOnHover verticalSpacing={4} aria-label="Rigs" aria-rowcount={rigIds.length + 1}>
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
      <Table.Tbody ref={listRef}>
        {before > 0 && <tr aria-hidden style={{ height: before }} />}
        {items.map((item) => (
          <RigRow key={item.key} rigId={rigIds[item.index]!} index={item.index} measure={measure} />
        ))}
        {after > 0 && <tr aria-hidden style={{ height: after }} />}
      </Table.Tbody>
    </Table>
  );
}

const RigRow = memo(function RigRow({ rigId, index, measure }: { rigId: string; index: number; measure(el: Element | null): void }) {
  const { rig, status, wholeRigSelected } = useRigItem(rigId);
  const handlers = useRigHandlers(rig);
  const toggleRigSelected = useAppStore((s) => s.toggleRigSelected);
  const away = useCoreAway();
  if (!rig || !handlers) return null;
  const cameras = status?.cameras ?? [];
  const recording = cameras.filter((c) => c.state === 'recording').length;
  const disconnected = cameras.filter((c) => shownCameraState(c) === 'disconnected').length;
  return (
    <Table.Tr ref={measure} data-index={index} aria-rowindex={index + 2} data-testid="rig-row" data-rig-id={rig.id} style={away ? { opacity: 0.6 } : undefined}>
      <Table.Td>
        <Checkbox aria-label={`Select rig ${rig.name}`} checked={wholeRigSelected} onChange={() => toggleRigSelected(rig.id)} />
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
        <StatusAge status={status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {cameras.length === 0 ? '–' : `${cameras.length} · ${recording} recording`}
          {cameras.length > 0 && (status?.stale || away !== null) && (
            <Text span size="sm" c="yellow.8" title="Not confirmed by the latest poll">
              , as last seen
            </Text>
          )}
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
        <RigActions rigName={rig.name} handlers={handlers} recording={recording > 0} commands={rigCommandReasons(rig.name, status, away)} disabledReason={away} />
      </Table.Td>
    </Table.Tr>
  );
});
