import { Badge, Button, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import type { CameraStatusView, RigStatus } from '../../../src-main/contract/requests/status';
import { formatDurationSeconds } from '../../../src-shared/duration';
import { cameraStateWords, shownCameraState } from '../../../src-shared/rig-state-words';
import { ConnectCamera } from './ConnectCamera';
import { cameraName } from '../../../src-shared/camera-name';
import { recordingTimesAt } from './recording-times';
import { useAppStore } from '../../store/use-app-store';

interface CameraRowProps {
  camera: CameraStatusView;
  status: RigStatus;
  rigName: string;
  nowMs: number;
  /** Why the camera's actions are disabled (the app's core is not answering), or null. */
  disabledReason: string | null;
  /** What is shown was not confirmed by the latest poll: the camera as last seen, not as it is. */
  lastKnown: boolean;
  selected: boolean;
  /** The whole rig is selected: its cameras are included already. */
  includedByRig: boolean;
  onToggle(): void;
}

/** One camera on a rig card: selectable, with its recording (ticking) and copy/export progress. */
export function CameraRow({ camera, status, rigName, nowMs, disabledReason, lastKnown, selected, includedByRig, onToggle }: CameraRowProps) {
  const label = cameraName(camera, 'label');
  const rec = camera.state === 'recording' ? camera.recording : null;
  const times = rec ? recordingTimesAt(rec, status, nowMs) : null;
  const jobRunning = camera.copying || camera.exporting;
  const shown = shownCameraState(camera);
  const look = cameraStateWords[shown];
  const openRig = useAppStore((s) => s.openRig);
  return (
    <Stack gap={2} data-testid="camera-row" data-serial={camera.serial} data-camera-state={shown}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <Checkbox
            size="xs"
            aria-label={`Select camera ${camera.serial} of ${rigName}`}
            checked={selected || includedByRig}
            disabled={includedByRig}
            onChange={onToggle}
          />
          <Text size="sm">{label}</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          {shown === 'disconnected' && <ConnectCamera rigId={status.rigId} serial={camera.serial} disabledReason={disabledReason} />}
          {shown !== 'disconnected' && (
            <Button size="compact-xs" variant="subtle" aria-label={`Watch camera ${camera.serial} of ${rigName} live`} onClick={() => openRig(status.rigId, 'live', camera.serial)}>
              Live
            </Button>
          )}
          <Badge
            size="sm"
            color={lastKnown ? 'gray' : look.color}
            variant={lastKnown ? 'outline' : shown === 'recording' ? 'filled' : 'light'}
            title={lastKnown ? 'As last seen; not confirmed now' : undefined}
            data-testid="camera-state"
            data-last-known={lastKnown || undefined}
          >
            {look.badge}
          </Badge>
        </Group>
      </Group>
      {rec && (
        <Group gap="md" pl={28} wrap="wrap">
          {rec.filename && (
            <Text size="xs" c="dimmed" truncate maw={220} title={rec.filename}>
              {rec.filename}
            </Text>
          )}
          {times?.elapsedSeconds != null && (
            <Text size="xs" className="tabular" data-testid="elapsed">
              elapsed {formatDurationSeconds(times.elapsedSeconds)}
              {lastKnown ? ' when last seen' : ''}
            </Text>
          )}
          {times?.remainingSeconds != null && !lastKnown && (
            <Text size="xs" className="tabular" c="dimmed" data-testid="remaining">
              {formatDurationSeconds(times.remainingSeconds)} left
            </Text>
          )}
        </Group>
      )}
      {jobRunning && (
        <Stack gap={2} pl={28}>
          <Text size="xs">{camera.playbackStatus ?? (camera.copying ? 'copying' : 'exporting')}</Text>
          <Progress
            size="sm"
            value={camera.playbackProgress !== null ? camera.playbackProgress * 100 : 100}
            animated={camera.playbackProgress === null}
            striped={camera.playbackProgress === null}
            aria-label={`${camera.copying ? 'Copy' : 'Export'} progress of camera ${camera.serial}`}
          />
        </Stack>
      )}
      {camera.error && (
        <Text size="xs" c="red" pl={28}>
          {camera.error}
        </Text>
      )}
    </Stack>
  );
}
