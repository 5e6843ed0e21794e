import { Alert, Badge, Card, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import { formatClockOffset, formatLastSeen } from '../../ui/format-time';
import { KeyStateText } from '../../ui/KeyStateText';
import { RigStateBadge } from '../../ui/RigStateBadge';
import { tagsBesideBadges } from '../../ui/rig-tags';
import { SimulatedBadge } from '../../ui/SimulatedBadge';
import { useNow } from '../../ui/use-now';
import { DiskUse } from '../../ui/DiskUse';
import { useCoreAway } from '../status/core-away';
import { CameraRow } from './CameraRow';
import { RetryNow } from './RetryNow';
import { rigCommandReasons } from './rig-commands';
import { RigActions, type RigActionHandlers } from './RigActions';
import { memo } from 'react';
import { useAppStore } from '../../store/use-app-store';
import { StatusAge } from './StatusAge';
import { useRigHandlers, useRigItem } from './use-rig-item';

/** One rig on the dashboard, following that rig alone: a change on another rig leaves it as it is. */
export const RigCard = memo(function RigCard({ rigId, onOpen }: { rigId: string; /** Instead of opening the rig's detail. */ onOpen?: () => void }) {
  const { rig, status, wholeRigSelected } = useRigItem(rigId);
  const rigHandlers = useRigHandlers(rig);
  const handlers = rigHandlers && onOpen ? { ...rigHandlers, onOpen } : rigHandlers;
  // The serials ticked on their own, as one string so the card re-renders only when they change.
  const cameraSelection = useAppStore((s) => s.selection.flatMap((t) => (t.rigId === rigId && t.serial !== undefined ? [t.serial] : [])).join('\n'));
  const toggleRigSelected = useAppStore((s) => s.toggleRigSelected);
  const toggleCameraSelected = useAppStore((s) => s.toggleCameraSelected);
  if (!rig || !handlers) return null;
  const selectedSerials = cameraSelection === '' ? [] : cameraSelection.split('\n');
  return (
    <RigCardBody
      rig={rig}
      status={status}
      wholeRig={wholeRigSelected}
      selectedSerials={selectedSerials}
      onToggleRig={() => toggleRigSelected(rig.id)}
      onToggleCamera={(serial) => toggleCameraSelected(rig.id, serial)}
      handlers={handlers}
    />
  );
});

interface RigCardBodyProps {
  rig: RigSummary;
  status: RigStatus | undefined;
  wholeRig: boolean;
  selectedSerials: string[];
  onToggleRig(): void;
  onToggleCamera(serial: string): void;
  handlers: RigActionHandlers;
}

/** One rig on the dashboard: state, clock, cameras with their recordings, and its actions. */
function RigCardBody({ rig, status, wholeRig, selectedSerials, onToggleRig, onToggleCamera, handlers }: RigCardBodyProps) {
  const cameras = status?.cameras ?? [];
  const recording = cameras.some((c) => c.state === 'recording');
  const busy = recording || cameras.some((c) => c.copying || c.exporting);
  const nowMs = useNow(1000, busy || Boolean(status?.stale));
  const someCameras = selectedSerials.length > 0;
  const impostor = status?.problem?.code === 'tls-fingerprint-changed';
  const away = useCoreAway();
  const lastKnown = (status?.stale ?? false) || away !== null;
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="article"
      aria-label={`Rig ${rig.name}`}
      data-testid="rig-card"
      data-rig-id={rig.id}
      data-core-away={away !== null || undefined}
      style={away ? { opacity: 0.6 } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <Checkbox aria-label={`Select rig ${rig.name}`} checked={wholeRig} indeterminate={!wholeRig && someCameras} onChange={onToggleRig} />
          <UnstyledButton onClick={handlers.onOpen}>
            <Text fw={600} size="lg">
              {rig.name}
            </Text>
          </UnstyledButton>
          <SimulatedBadge simulated={rig.simulated} />
        </Group>
        <Stack gap={0} align="flex-end">
          <RigStateBadge state={status?.state ?? 'unknown'} stale={(status?.stale ?? false) || away !== null} problem={away ?? status?.problem?.message} />
          <StatusAge status={status} />
        </Stack>
      </Group>
      {away && (
        <Text size="sm" c="yellow.8" data-testid="core-away">
          {away}
        </Text>
      )}

      <Text size="xs" c="dimmed" mt={4}>
        {`${rig.host}:${rig.port}`}
        {status?.version ? ` · Motif ${status.version}` : ''}
        {status?.clockOffsetMs != null ? ` · clock ${formatClockOffset(status.clockOffsetMs)}` : ''}
        {' · '}
        <KeyStateText keyState={rig.keyState} />
      </Text>
      {status?.certificateExpiredAt !== undefined && (
        <Text size="xs" c="orange.8" data-testid="certificate-expired">
          certificate expired {status.certificateExpiredAt.slice(0, 10)}: still trusted by its pinned fingerprint
        </Text>
      )}
      <DiskUse cameras={cameras} />
      {status?.stale && status.lastSeenAtMs !== null && (
        <Text size="xs" c="yellow.8" data-testid="last-seen">
          last seen {formatLastSeen(status.lastSeenAtMs, nowMs)}
        </Text>
      )}
      {tagsBesideBadges(rig).length > 0 && (
        <Group gap={4} mt={6}>
          {tagsBesideBadges(rig).map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      )}

      {impostor ? (
        <Alert color="red" variant="filled" mt="sm" title="Certificate changed: possible impostor" role="alert">
          {status?.problem?.message} Open “Edit rig…” to review it.
        </Alert>
      ) : (
        status?.problem &&
        status.state !== 'online' && (
          <Group gap="xs" mt="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="red" data-testid="rig-problem">
              {status.problem.message}
            </Text>
            <RetryNow status={status} disabledReason={away} />
          </Group>
        )
      )}

      <Stack gap={6} mt="sm" aria-label={`Cameras of ${rig.name}`}>
        {lastKnown && cameras.length > 0 && (
          <Text size="xs" c="yellow.8" data-testid="cameras-last-known">
            Cameras as last seen; not confirmed now.
          </Text>
        )}
        {status &&
          cameras.map((camera) => (
          <CameraRow
            key={camera.serial}
            camera={camera}
            status={status}
            rigName={rig.name}
            nowMs={nowMs}
            disabledReason={away}
            lastKnown={lastKnown}
            selected={selectedSerials.includes(camera.serial)}
            includedByRig={wholeRig}
            onToggle={() => onToggleCamera(camera.serial)}
          />
        ))}
        {cameras.length === 0 && (
          <Text size="sm" c="dimmed">
            {status?.state === 'online' ? 'No cameras connected.' : 'Cameras unknown until the rig answers.'}
          </Text>
        )}
      </Stack>

      <Group justify="flex-end" mt="md">
        <RigActions rigName={rig.name} handlers={handlers} recording={recording} commands={rigCommandReasons(rig.name, status, away)} disabledReason={away} />
      </Group>
    </Card>
  );
}

