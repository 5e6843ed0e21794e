import { Alert, Checkbox, Group, Stack, Switch, Text, useMatches } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { FirstRun } from '../first-run/FirstRun';
import { exportRigsToFile } from '../rigs/export-rigs';
import { DashboardTimeline } from '../timeline/DashboardTimeline';
import { useDashboardView } from './dashboard-view';
import { DashboardToolbar } from './DashboardToolbar';
import { DenseView } from './DenseView';
import { useCoreAway } from '../status/core-away';
import { FleetSummary } from './FleetSummary';
import { everyWholeRigSelected, shownRigs } from './fleet-model';
import { RigCard } from './RigCard';
import { RigTable } from './RigTable';
import { SelectionToolbar } from './SelectionToolbar';
import { VirtualRigGrid } from './VirtualRigGrid';

/** Above this many rigs the dashboard starts in compact rows. */
const CARD_LIMIT = 8;

/** Every rig at a glance, with selection across rigs for one action. */
export function Dashboard() {
  const rigs = useAppStore((s) => s.rigs);
  const rigsLoaded = useAppStore((s) => s.rigsLoaded);
  const rigsError = useAppStore((s) => s.rigsError);
  const statusError = useAppStore((s) => s.statusError);
  const selectRigs = useAppStore((s) => s.selectRigs);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const openDialog = useAppStore((s) => s.openDialog);
  const rigRequest = useAppStore((s) => s.rigRequest);
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const [view, patchView] = useDashboardView();
  const [showTimeline, setShowTimeline] = useState(false);

  const tags = useMemo(() => [...new Set(rigs.flatMap((r) => r.tags))].sort(), [rigs]);
  // A remembered tag that no rig has any more would hide every rig without showing why.
  const tagFilter = view.tags.filter((t) => tags.includes(t));
  // The ids shown, in order, and the counts: the dashboard re-renders when these change, not
  // with every status (each rig's row follows its own).
  const shownIds = useAppStore(
    useShallow((s) => shownRigs(s.rigs, s.statuses, { search: view.search, group: view.group, tags: tagFilter, sort: view.sort }).map((r) => r.id)),
  );
  const away = useCoreAway();
  const allShownSelected = useAppStore((s) => shownIds.length > 0 && everyWholeRigSelected(shownIds, s.selection));
  const layout = view.layout ?? (rigs.length > CARD_LIMIT ? 'rows' : 'cards');
  const cardColumns = useMatches({ base: 1, md: 2, xl: 3 });

  if (rigsLoaded && rigs.length === 0) return <FirstRun />;

  return (
    <Stack gap="md">
      <DashboardToolbar
        search={view.search}
        onSearch={(search) => patchView({ search })}
        sort={view.sort}
        onSort={(sort) => patchView({ sort })}
        tags={tags}
        tagFilter={tagFilter}
        onTagFilter={(t) => patchView({ tags: t })}
        layout={layout}
        onLayout={(l) => patchView({ layout: l })}
        onAddRig={() => openDialog({ kind: 'add-rig' })}
        onImport={() => openDialog({ kind: 'import-rigs' })}
        onExport={() => void exportRigsToFile(rigRequest)}
        onRefresh={() => void refreshStatus()}
      />
      {rigsError && <ErrorNote error={rigsError} />}
      {statusError && (
        <Alert color="yellow" title="Status not updated">
          {statusError.message}
        </Alert>
      )}
      {!rigsLoaded && !rigsError && <Text>Loading rigs…</Text>}
      {rigsLoaded && <FleetSummary group={view.group} onGroup={(group) => patchView({ group })} away={away} />}
      <Group justify="space-between">
        <Checkbox
          size="xs"
          label={`Select all ${shownIds.length} shown`}
          checked={allShownSelected}
          onChange={() => (allShownSelected ? clearSelection() : selectRigs(shownIds))}
        />
        <Switch size="xs" label="Timeline" checked={showTimeline} onChange={(e) => setShowTimeline(e.currentTarget.checked)} />
      </Group>
      {showTimeline && <SelectionTimeline />}
      <SelectionToolbar />
      {rigsLoaded && rigs.length > 0 && shownIds.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="nothing-shown">
          No rig matches the search and filters.
        </Text>
      )}
      {layout === 'dense' ? (
        <DenseView rigIds={shownIds} />
      ) : layout === 'cards' ? (
        <VirtualRigGrid rigIds={shownIds} columns={cardColumns} gapPx={16} estimateRowPx={260} label="Rig cards" renderItem={(id) => <RigCard key={id} rigId={id} />} />
      ) : (
        <RigTable rigIds={shownIds} />
      )}
    </Stack>
  );
}

/** The timeline of the selected rigs, or of all rigs when none is selected. */
function SelectionTimeline() {
  const rigIds = useAppStore(useShallow((s) => (s.selection.length > 0 ? [...new Set(s.selection.map((t) => t.rigId))] : s.rigs.map((r) => r.id))));
  return <DashboardTimeline rigIds={rigIds} />;
}
