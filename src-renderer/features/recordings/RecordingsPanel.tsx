import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { CameraStatusView } from '../../../src-main/contract/requests/status';
import { useAppStore, useCall } from '../../store/use-app-store';
import { CameraTargetSelect } from '../../ui/CameraTargetSelect';
import { ErrorNote } from '../../ui/ErrorNote';
import { Section } from '../../ui/Section';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { JobProgress } from './JobProgress';
import { RecordingTable } from './RecordingTable';
import { listKey } from './recordings-slice';
import { CopyForm, ExportForm } from './TransferForms';

const NO_CAMERAS: CameraStatusView[] = [];

/** The rig's (or a camera's) recordings, with copy/move and export and their progress. */
export function RecordingsPanel({ rigId }: { rigId: string }) {
  const { status, serials, timeZone } = useRigCameras(rigId);
  const [serial, setSerial] = useState('');
  const target = serial ? { rigId, serial } : { rigId };
  const key = listKey(target);
  const list = useAppStore((s) => s.recordingLists[key]);
  const loadRecordings = useAppStore((s) => s.loadRecordings);
  const call = useCall();
  const cameras = status?.cameras ?? NO_CAMERAS;
  const shown = serial ? cameras.filter((c) => c.serial === serial) : cameras;

  const reload = useCallback(() => void loadRecordings(serial ? { rigId, serial } : { rigId }), [loadRecordings, rigId, serial]);
  useEffect(reload, [reload]);

  return (
    <Stack gap="md" data-testid="recordings-panel">
      <Group align="flex-end">
        <CameraTargetSelect serials={serials} value={serial} onChange={setSerial} />
        <Button variant="default" onClick={reload} loading={list?.loading}>
          Refresh list
        </Button>
      </Group>
      <Section title="Recordings">
        {list?.error && <ErrorNote error={list.error} />}
        {list && !list.loading && list.entries.length === 0 && !list.error && (
          <Text size="sm" c="dimmed" data-testid="no-recordings">
            No recordings on {serial ? `camera ${serial}` : 'this rig'} yet.
          </Text>
        )}
        {list && list.entries.length > 0 && (
          <>
            <Text size="sm" c="dimmed">
              {list.entries.length} recording{list.entries.length === 1 ? '' : 's'}
            </Text>
            <RecordingTable entries={list.entries} timeZone={timeZone} />
          </>
        )}
      </Section>
      <Section title="Progress">
        <JobProgress cameras={shown} onJobsFinished={reload} />
        {!shown.some((c) => c.copying || c.exporting) && (
          <Text size="sm" c="dimmed">
            No copy or export running.
          </Text>
        )}
      </Section>
      <Section title="Copy or move" hint="Copies recordings not copied before to the given location on the rig, or the configured one.">
        <CopyForm onCopy={(options) => call('recordings.copy', { targets: [target], options })} />
      </Section>
      <Section title="Export" hint="Turns image stores into ordinary videos (or stores).">
        <ExportForm onExport={(options) => call('recordings.export', { targets: [target], options })} />
      </Section>
    </Stack>
  );
}
