import { Table, Text } from '@mantine/core';
import type { CheckWarning } from '../../../src-main/core/protocols/checks';
import type { RigLane } from '../../../src-main/core/protocols/outcomes';
import type { PlanEvent } from '../../../src-main/core/protocols/plan';
import { cameraWords, eventTime, eventWords } from './event-words';

/** Past this many rows the list says how many more there are: the timeline shows them all. */
export const MAX_ROWS = 400;

/** One rig's planned events in order, with the warnings that concern each event inline. */
export function EventList({ lane }: { lane: RigLane }) {
  const shown = lane.events.slice(0, MAX_ROWS);
  const warningsAt = (e: PlanEvent) => lane.warnings.filter((w) => concerns(w, e));
  return (
    <>
      <Table aria-label={`Planned events on ${lane.rig}`} striped withRowBorders={false} fz="sm" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When ({lane.timeZone})</Table.Th>
            <Table.Th>Where</Table.Th>
            <Table.Th>What</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((e, i) => (
            <Table.Tr key={i} data-kind={e.kind} data-source={e.source}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{eventTime(e.atMs, lane.timeZone)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {lane.rigId === null ? '' : `${lane.rig} · `}
                {cameraWords(e.camera)}
              </Table.Td>
              <Table.Td>
                {eventWords(e)}
                {e.source === 'other' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (the rig's own task {e.task})
                  </Text>
                )}
                {warningsAt(e).map((w, j) => (
                  <Text key={j} size="xs" c="orange" role="note">
                    {w.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lane.events.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing happens in this window.
        </Text>
      )}
      {lane.events.length > MAX_ROWS && (
        <Text size="sm" c="dimmed">
          …and {lane.events.length - MAX_ROWS} more events in this window.
        </Text>
      )}
    </>
  );
}

/** A warning is shown with the event at its time (of its task, when it names one). */
export const concerns = (w: CheckWarning, e: PlanEvent) => w.atMs === e.atMs && (w.task === undefined || w.task === e.task);
