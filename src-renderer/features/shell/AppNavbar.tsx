import { Badge, Divider, NavLink, ScrollArea, Text } from '@mantine/core';
import { memo } from 'react';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { rigStateColor, rigStateLabel } from '../../ui/RigStateBadge';
import { useCoreAway } from '../status/core-away';

/** The areas: dashboard, protocols, each rig's detail, the outbox and the audit log. */
export function AppNavbar({ onNavigated }: { onNavigated(): void }) {
  const view = useAppStore((s) => s.view);
  const rigs = useAppStore((s) => s.rigs);
  const navigate = useAppStore((s) => s.navigate);
  const openRig = useAppStore((s) => s.openRig);
  const away = useCoreAway();
  const go = (fn: () => void) => () => {
    fn();
    onNavigated();
  };
  return (
    <nav aria-label="Areas" style={{ display: 'contents' }}>
      <NavLink label="Dashboard" active={view.kind === 'dashboard'} onClick={go(() => navigate({ kind: 'dashboard' }))} />
      <NavLink label="Wall of cameras" active={view.kind === 'wall'} onClick={go(() => navigate({ kind: 'wall' }))} />
      <NavLink label="Protocols" active={view.kind === 'protocols'} onClick={go(() => navigate({ kind: 'protocols' }))} />
      <Divider my={4} />
      <Text size="xs" c="dimmed" px="sm" py={4} fw={600} tt="uppercase">
        Rigs
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 260px)">
        {rigs.map((rig) => (
          <RigNavLink key={rig.id} rig={rig} active={view.kind === 'rig' && view.rigId === rig.id} away={away} onClick={go(() => openRig(rig.id))} />
        ))}
        {rigs.length === 0 && (
          <Text size="xs" c="dimmed" px="sm">
            none yet
          </Text>
        )}
      </ScrollArea.Autosize>
      <Divider my={4} />
      <NavLink label="Outbox" active={view.kind === 'outbox'} onClick={go(() => navigate({ kind: 'outbox' }))} />
      <NavLink label="Audit log" active={view.kind === 'audit'} onClick={go(() => navigate({ kind: 'audit' }))} />
    </nav>
  );
}

/** One rig in the navigation, following its own state alone. */
const RigNavLink = memo(function RigNavLink({ rig, active, away, onClick }: { rig: RigSummary; active: boolean; away: string | null; onClick(): void }) {
  const state = useAppStore((s) => s.statuses[rig.id]?.state ?? 'unknown');
  const label = away ?? rigStateLabel(state);
  return (
    <NavLink
      label={rig.name}
      description={rig.simulated ? 'simulated' : undefined}
      active={active}
      onClick={onClick}
      rightSection={<Badge size="xs" circle color={away ? 'gray' : rigStateColor(state)} aria-label={label} title={label}> </Badge>}
    />
  );
});
