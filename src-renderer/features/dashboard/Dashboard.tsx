import { Alert, Checkbox, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { FirstRun } from '../first-run/FirstRun';
import { exportRigsToFile } from '../rigs/export-rigs';
import { testRigConnection } from '../rigs/test-connection';
import { DashboardTimeline } from '../timeline/DashboardTimeline';
import { useDashboardView } from './dashboard-view';
import { DashboardToolbar } from './DashboardToolbar';
import { DenseView } from './DenseView';
import { FleetSummary } from './FleetSummary';
import { fleetCounts, shownRigs } from './fleet-model';
import type { RigActionHandlers } from './RigActions';
import { RigCard } from './RigCard';
import { RigTable } from './RigTable';
import { SelectionToolbar } from './SelectionToolbar';

/** Above this many rigs the dashboard starts in compact rows. */
const CARD_LIMIT = 8;

/** Every rig at a glance, with selection across rigs for one action. */
export function Dashboard() {
  const rigs = useAppStore((s) => s.rigs);
  const rigsLoaded = useAppStore((s) => s.rigsLoaded);
  const rigsError = useAppStore((s) => s.rigsError);
  const statuses = useAppStore((s) => s.statuses);
  const statusError = useAppStore((s) => s.statusError);
  const selection = useAppStore((s) => s.selection);
  const toggleRigSelected = useAppStore((s) => s.toggleRigSelected);
  const toggleCameraSelected = useAppStore((s) => s.toggleCameraSelected);
  const selectRigs = useAppStore((s) => s.selectRigs);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const openDialog = useAppStore((s) => s.openDialog);
  const openRig = useAppStore((s) => s.openRig);
  const rigRequest = useAppStore((s) => s.rigRequest);
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const [view, patchView] = useDashboardView();
  const [showTimeline, setShowTimeline] = useState(false);

  const tags = useMemo(() => [...new Set(rigs.flatMap((r) => r.tags))].sort(), [rigs]);
  // A remembered tag that no rig has any more would hide every rig without showing why.
  const tagFilter = view.tags.filter((t) => tags.includes(t));
  const shown = shownRigs(rigs, statuses, { search: view.search, group: view.group, tags: tagFilter, sort: view.sort });
  const counts = useMemo(() => fleetCounts(rigs, statuses), [rigs, statuses]);
  const layout = view.layout ?? (rigs.length > CARD_LIMIT ? 'rows' : 'cards');
  const allShownSelected = shown.length > 0 && shown.every((r) => selection.some((t) => t.rigId === r.id && t.serial === undefined));

  const handlersFor = (rig: RigSummary): RigActionHandlers => ({
    onRecord: () => openDialog({ kind: 'record', targets: [{ rigId: rig.id }] }),
    onStop: () => openDialog({ kind: 'stop', targets: [{ rigId: rig.id }] }),
    onOpen: () => openRig(rig.id),
    onEdit: () => openDialog({ kind: 'edit-rig', rigId: rig.id }),
    onTest: () => void testRigConnection(rig, rigRequest),
    onRemove: () => openDialog({ kind: 'remove-rig', rigId: rig.id }),
  });

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
      {rigsLoaded && <FleetSummary counts={counts} group={view.group} onGroup={(group) => patchView({ group })} />}
      <Group justify="space-between">
        <Checkbox
          size="xs"
          label={`Select all ${shown.length} shown`}
          checked={allShownSelected}
          onChange={() => (allShownSelected ? clearSelection() : selectRigs(shown.map((r) => r.id)))}
        />
        <Switch size="xs" label="Timeline" checked={showTimeline} onChange={(e) => setShowTimeline(e.currentTarget.checked)} />
      </Group>
      {showTimeline && <DashboardTimeline rigIds={selection.length > 0 ? [...new Set(selection.map((t) => t.rigId))] : rigs.map((r) => r.id)} />}
      <SelectionToolbar
        selection={selection}
        statuses={statuses}
        onRecord={() => openDialog({ kind: 'record', targets: selection })}
        onStop={() => openDialog({ kind: 'stop', targets: selection })}
        onCopy={() => openDialog({ kind: 'copy', targets: selection })}
        onOutput={() => openDialog({ kind: 'fleet-action', action: 'outputs.set', targets: selection })}
        onConfigure={() => openDialog({ kind: 'fleet-action', action: 'cameras.configure', targets: selection })}
        onSchedule={() => openDialog({ kind: 'fleet-schedule', targets: selection })}
        onClear={clearSelection}
      />
      {rigsLoaded && rigs.length > 0 && shown.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="nothing-shown">
          No rig matches the search and filters.
        </Text>
      )}
      {layout === 'dense' ? (
        <DenseView rigs={shown} statuses={statuses} selection={selection} onToggleRig={toggleRigSelected} onOpen={openRig} />
      ) : layout === 'cards' ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {shown.map((rig) => (
            <RigCard
              key={rig.id}
              rig={rig}
              status={statuses[rig.id]}
              selection={selection}
              onToggleRig={() => toggleRigSelected(rig.id)}
              onToggleCamera={(serial) => toggleCameraSelected(rig.id, serial)}
              handlers={handlersFor(rig)}
            />
          ))}
        </SimpleGrid>
      ) : (
        <RigTable rigs={shown} statuses={statuses} selection={selection} onToggleRig={toggleRigSelected} handlersFor={handlersFor} />
      )}
    </Stack>
  );
}
