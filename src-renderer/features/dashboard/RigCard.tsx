import { Alert, Badge, Card, Checkbox, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RigSummary } from '../../../src-main/contract/requests';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { Target } from '../../../src-main/contract/requests/targets';
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
import { RigActions, type RigActionHandlers } from './RigActions';

interface RigCardProps {
  rig: RigSummary;
  status: RigStatus | undefined;
  selection: Target[];
  onToggleRig(): void;
  onToggleCamera(serial: string): void;
  handlers: RigActionHandlers;
}

/** One rig on the dashboard: state, clock, cameras with their recordings, and its actions. */
export function RigCard({ rig, status, selection, onToggleRig, onToggleCamera, handlers }: RigCardProps) {
  const cameras = status?.cameras ?? [];
  const recording = cameras.some((c) => c.state === 'recording');
  const busy = recording || cameras.some((c) => c.copying || c.exporting);
  const nowMs = useNow(1000, busy || Boolean(status?.stale));
  const wholeRig = selection.some((t) => t.rigId === rig.id && t.serial === undefined);
  const someCameras = selection.some((t) => t.rigId === rig.id && t.serial !== undefined);
  const impostor = status?.problem?.code === 'tls-fingerprint-changed';
  const away = useCoreAway();
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
        <Group gap={4} wrap="nowrap">
          <RigStateBadge state={status?.state ?? 'unknown'} stale={(status?.stale ?? false) || away !== null} problem={away ?? status?.problem?.message} />
        </Group>
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
        {status &&
          cameras.map((camera) => (
          <CameraRow
            key={camera.serial}
            camera={camera}
            status={status}
            rigName={rig.name}
            nowMs={nowMs}
            disabledReason={away}
            selected={selection.some((t) => t.rigId === rig.id && t.serial === camera.serial)}
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
        <RigActions rigName={rig.name} handlers={handlers} recording={recording} disabledReason={away} />
      </Group>
    </Card>
  );
}
