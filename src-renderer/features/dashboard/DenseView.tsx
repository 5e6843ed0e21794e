import { Checkbox, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import type { CameraStatusView } from '../../../src-main/contract/requests/status';
import { shownCameraState } from '../../../src-shared/rig-state-words';
import { cameraName } from '../../../src-shared/camera-name';
import { useAppStore } from '../../store/use-app-store';
import { rigStateColor, rigStateLabel } from '../../ui/RigStateBadge';
import { useRigItem } from './use-rig-item';
import { VirtualRigGrid } from './VirtualRigGrid';

type CellFacts = Pick<CameraStatusView, 'error' | 'copying' | 'exporting' | 'state' | 'connected'>;

/** How a camera's cell looks: a copy or export shows over the recording state (the rig does one at a time). */
function cameraLook(c: CellFacts): { word: string; color: string } {
  if (c.error) return { word: `error: ${c.error}`, color: 'var(--mantine-color-orange-filled)' };
  if (c.copying) return { word: 'copying', color: 'var(--mantine-color-blue-filled)' };
  if (c.exporting) return { word: 'exporting', color: 'var(--mantine-color-blue-filled)' };
  switch (shownCameraState(c)) {
    case 'recording':
      return { word: 'recording', color: 'var(--mantine-color-red-filled)' };
    case 'pending':
      return { word: 'starting to record', color: 'var(--mantine-color-orange-filled)' };
    case 'idle':
      return { word: 'idle', color: 'var(--mantine-color-teal-4)' };
    case 'disconnected':
      return { word: 'disconnected', color: 'var(--mantine-color-yellow-5)' };
    case 'unknown':
      return { word: 'state unknown', color: 'var(--mantine-color-gray-filled)' };
  }
}

const cell = { display: 'inline-block', width: 14, height: 14, borderRadius: 3 } as const;

/** One small cell per camera, its state in its colour, name and tooltip. */
function CameraCells({ cameras, rigName }: { cameras: CameraStatusView[]; rigName: string }) {
  return (
    <Group gap={3} wrap="wrap" role="list" aria-label={`Cameras of ${rigName}`}>
      {cameras.map((c) => {
        const { word, color } = cameraLook(c);
        const label = `${cameraName(c, 'title')}: ${word}`;
        return (
          <Tooltip key={c.serial} label={label} withinPortal>
            <span role="listitem" aria-label={label} data-camera-state={c.copying || c.exporting ? 'transfer' : shownCameraState(c)} style={{ ...cell, background: color }} />
          </Tooltip>
        );
      })}
    </Group>
  );
}

const legendCell = (over: Partial<CellFacts>): CellFacts => ({ error: null, copying: false, exporting: false, state: 'idle', connected: true, ...over });
const LEGEND: CellFacts[] = [
  legendCell({ state: 'recording' }),
  legendCell({ state: 'pending' }),
  legendCell({}),
  legendCell({ connected: false }),
  legendCell({ state: 'unknown', connected: null }),
  legendCell({ copying: true }),
];

/** What the cell colours mean, drawn by the same function as the cells. */
function Legend() {
  const entries = LEGEND;
  return (
    <Group gap="md" aria-hidden>
      {entries.map((c) => {
        const { word, color } = cameraLook(c);
        return (
          <Group key={word} gap={4} wrap="nowrap">
            <span style={{ ...cell, background: color }} />
            <Text size="xs" c="dimmed">
              {word === 'copying' ? 'copying or exporting' : word}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}

/** Every rig as a small tile (forty fit one screen): name, state, one coloured cell per camera. */
export function DenseView({ rigIds }: { rigIds: string[] }) {
  return (
    <Stack gap={6}>
      <Legend />
      <VirtualRigGrid rigIds={rigIds} columns={{ minItemPx: 168 }} gapPx={6} estimateRowPx={54} label="Rigs" renderItem={(id) => <DenseTile key={id} rigId={id} />} />
    </Stack>
  );
}

/** One rig's tile, following that rig alone. */
const DenseTile = memo(function DenseTile({ rigId }: { rigId: string }) {
  const { rig, status, wholeRigSelected } = useRigItem(rigId);
  const toggleRigSelected = useAppStore((s) => s.toggleRigSelected);
  const openRig = useAppStore((s) => s.openRig);
  if (!rig) return null;
  const state = status?.state ?? 'unknown';
  const stale = Boolean(status?.stale) && state !== 'unknown';
  // Stale matters beside "online" only: every other state already says the rig did not answer.
  const stateWord = `${rigStateLabel(state)}${stale && state === 'online' ? ', stale' : ''}`;
  return (
    <Paper
      role="listitem"
      aria-label={`Rig ${rig.name}: ${stateWord}`}
      data-testid="rig-tile"
      data-rig-id={rig.id}
      data-state={state}
      withBorder
      px={6}
      py={4}
      style={{ borderLeft: `4px solid var(--mantine-color-${rigStateColor(state)}-filled)`, minWidth: 0 }}
    >
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <Checkbox size="xs" aria-label={`Select rig ${rig.name}`} checked={wholeRigSelected} onChange={() => toggleRigSelected(rig.id)} />
        <UnstyledButton onClick={() => openRig(rig.id)} style={{ minWidth: 0 }} title={rig.name}>
          <Text size="sm" fw={600} truncate>
            {rig.name}
          </Text>
        </UnstyledButton>
      </Group>
      <Group mt={3} ml={22} gap={6} wrap="nowrap" justify="space-between" h={14}>
        {status && status.cameras.length > 0 ? (
          <CameraCells cameras={status.cameras} rigName={rig.name} />
        ) : (
          <Text size="xs" c="dimmed" lh={1} truncate>
            {state === 'online' ? 'no cameras' : 'cameras unknown'}
          </Text>
        )}
        <Text size="xs" lh={1} c={state === 'online' ? 'dimmed' : rigStateColor(state)} style={{ whiteSpace: 'nowrap' }} title={status?.problem?.message} data-testid="tile-state">
          {stateWord}
        </Text>
      </Group>
    </Paper>
  );
});
