import { Badge, Divider, NavLink, ScrollArea, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
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
  const open = useCallback(
    (rigId: string) => {
      openRig(rigId);
      onNavigated();
    },
    [openRig, onNavigated],
  );
  return (
    <nav aria-label="Areas" style={{ display: 'contents' }}>
      <NavLink label="Dashboard" active={view.kind === 'dashboard'} onClick={go(() => navigate({ kind: 'dashboard' }))} />
      <NavLink label="Wall of cameras" active={view.kind === 'wall'} onClick={go(() => navigate({ kind: 'wall' }))} />
      <NavLink label="Protocols" active={view.kind === 'protocols'} onClick={go(() => navigate({ kind: 'protocols' }))} />
      <Divider my={4} />
      <Text size="xs" c="dimmed" px="sm" py={4} fw={600} tt="uppercase">
        Rigs
      </Text>
      {rigs.length > 0 ? (
        <RigNavList rigs={rigs} activeId={view.kind === 'rig' ? view.rigId : null} away={away} onOpen={open} />
      ) : (
        <Text size="xs" c="dimmed" px="sm">
          none yet
        </Text>
      )}
      <Divider my={4} />
      <NavLink label="Outbox" active={view.kind === 'outbox'} onClick={go(() => navigate({ kind: 'outbox' }))} />
      <NavLink label="Audit log" active={view.kind === 'audit'} onClick={go(() => navigate({ kind: 'audit' }))} />
    </nav>
  );
}

/**
 * The rigs in the navigation, scrolled in their own area: only those near its visible part
 * exist in the page, so 200 rigs cost the page what the dozen on screen cost.
 */
function RigNavList({ rigs, activeId, away, onOpen }: { rigs: RigSummary[]; activeId: string | null; away: string | null; onOpen(rigId: string): void }) {
  const viewport = useRef<HTMLDivElement>(null);
  const list = useVirtualizer({
    count: rigs.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => 40,
    overscan: 8,
    getItemKey: (i) => rigs[i]!.id,
  });
  return (
    <ScrollArea.Autosize mah="calc(100vh - 260px)" viewportRef={viewport}>
      <div style={{ height: list.getTotalSize(), position: 'relative' }}>
        {list.getVirtualItems().map((item) => {
          const rig = rigs[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={list.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}>
              <RigNavLink rig={rig} active={rig.id === activeId} away={away} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
    </ScrollArea.Autosize>
  );
}

/** One rig in the navigation, following its own state alone. */
const RigNavLink = memo(function RigNavLink({ rig, active, away, onOpen }: { rig: RigSummary; active: boolean; away: string | null; onOpen(rigId: string): void }) {
  const state = useAppStore((s) => s.statuses[rig.id]?.state ?? 'unknown');
  const label = away ?? rigStateLabel(state);
  return (
    <NavLink
      label={rig.name}
      description={rig.simulated ? 'simulated' : undefined}
      active={active}
      onClick={() => onOpen(rig.id)}
      rightSection={<Badge size="xs" circle color={away ? 'gray' : rigStateColor(state)} aria-label={label} title={label}> </Badge>}
    />
  );
});
