import { Group, MultiSelect, Pill, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/use-app-store';
import { WallTile } from './WallTile';

/** More tiles than this would load the rigs and this PC for little: pick rigs instead. */
export const WALL_MAX_TILES = 32;
/** Rigs named in the picker; the others are counted ("+38 more"), so it stays one line and the first screen is cameras. */
const PILLS_SHOWN = 3;

/** Every camera of the chosen rigs at a low rate, with its recording state; a click opens the full view. */
export function CameraWall() {
  const rigs = useAppStore((s) => s.rigs);
  const statuses = useAppStore((s) => s.statuses);
  const openRig = useAppStore((s) => s.openRig);
  const online = useMemo(() => rigs.filter((r) => statuses[r.id]?.state === 'online').map((r) => r.id), [rigs, statuses]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const rigIds = chosen ?? online;
  const tiles = rigs
    .filter((r) => rigIds.includes(r.id))
    .flatMap((r) => (statuses[r.id]?.cameras ?? []).map((c) => ({ rig: r, serial: c.serial })));
  const shown = tiles.slice(0, WALL_MAX_TILES);
  return (
    <Stack gap="sm" data-testid="camera-wall">
      <Group gap="md" wrap="nowrap" align="center">
        <Title order={2} size="h3" style={{ flexShrink: 0 }}>
          Wall of cameras
        </Title>
        <MultiSelect
          aria-label="Rigs"
          placeholder={rigIds.length === 0 ? 'choose rigs' : undefined}
          data={rigs.map((r) => ({ value: r.id, label: r.name }))}
          value={rigIds}
          onChange={setChosen}
          searchable
          clearable
          w={640}
          wrapperProps={{ 'data-testid': 'wall-rig-picker' }}
          styles={{ pillsList: { flexWrap: 'nowrap', overflow: 'hidden' } }}
          renderPill={({ option, value, onRemove }) => {
            const at = value === undefined ? -1 : rigIds.indexOf(value);
            if (at < PILLS_SHOWN) return <Pill withRemoveButton onRemove={onRemove}>{option.label}</Pill>;
            return at === PILLS_SHOWN ? <Pill>+{rigIds.length - PILLS_SHOWN} more</Pill> : null;
          }}
        />
      </Group>
      {tiles.length > shown.length && (
        <Text size="sm" c="yellow">
          Showing the first {WALL_MAX_TILES} of {tiles.length} cameras; choose fewer rigs to see the others.
        </Text>
      )}
      {shown.length === 0 && <Text c="dimmed">No cameras: choose rigs that are online.</Text>}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="xs">
        {shown.map(({ rig, serial }) => (
          <WallTile key={`${rig.id}/${serial}`} rigId={rig.id} rigName={rig.name} serial={serial} onOpen={() => openRig(rig.id, 'live', serial)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
