import { Group, Text, UnstyledButton } from '@mantine/core';
import { Fragment } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/use-app-store';
import { FLEET_GROUPS, fleetCounts, type FleetGroup } from './fleet-model';

const words: Record<FleetGroup, (n: number) => string> = {
  online: (n) => `${n} online`,
  recording: (n) => `${n} recording`,
  offline: (n) => `${n} offline`,
  problem: (n) => `${n} ${n === 1 ? 'problem' : 'problems'}`,
};
const colors: Record<FleetGroup, string | undefined> = { online: undefined, recording: 'red', offline: 'red', problem: 'orange' };

/**
 * "40 rigs: 36 online · 5 recording · 3 offline · 1 problem"; each count shows only those
 * rigs, pressed again shows all. While the app's core is away (`away`, its reason) no count
 * is confirmed, so the line says that instead, as every card does.
 */
export function FleetSummary({ group, onGroup, away }: { group: FleetGroup | null; onGroup(group: FleetGroup | null): void; away: string | null }) {
  // The counts are read here, not in the dashboard: a status change re-renders this line, not the page.
  const counts = useAppStore(useShallow((s) => fleetCounts(s.rigs, s.statuses)));
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label="Fleet summary" data-testid="fleet-summary">
      <Text size="sm" fw={600}>
        {counts.total} {counts.total === 1 ? 'rig' : 'rigs'}:
      </Text>
      {away !== null && (
        <Text size="sm" c="yellow.8" data-testid="fleet-summary-away">
          {away}
        </Text>
      )}
      {away === null && FLEET_GROUPS.map((g, i) => {
        const pressed = group === g;
        return (
          <Fragment key={g}>
            {i > 0 && (
              <Text size="sm" c="dimmed" aria-hidden>
                ·
              </Text>
            )}
            <UnstyledButton
              onClick={() => onGroup(pressed ? null : g)}
              aria-pressed={pressed}
              title={pressed ? 'Show all rigs' : 'Show only these rigs'}
              data-group={g}
              px={4}
              style={{ borderRadius: 4, outline: pressed ? '1px solid var(--mantine-color-blue-filled)' : undefined }}
            >
              <Text size="sm" c={counts[g] > 0 ? colors[g] : 'dimmed'} fw={pressed ? 700 : 400} td={pressed ? undefined : 'underline dotted'}>
                {words[g](counts[g])}
              </Text>
            </UnstyledButton>
          </Fragment>
        );
      })}
      {group !== null && (
        <UnstyledButton onClick={() => onGroup(null)}>
          <Text size="xs" c="blue">
            show all
          </Text>
        </UnstyledButton>
      )}
    </Group>
  );
}
