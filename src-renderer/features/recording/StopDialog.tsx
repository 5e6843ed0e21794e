import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useMemo } from 'react';
import { sameJson, useAppStore, useAppStoreEqual, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { OutcomeList } from '../../ui/OutcomeList';
import { TargetSummary } from './TargetSummary';
import { useTargetAction } from './use-target-action';

/** Recordings listed by name before the rest is counted. */
const RUNNING_SHOWN = 12;

/** Confirm, then stop recording on the targets; lists the recordings that will end. */
export function StopDialog({ targets, onClose }: { targets: Target[]; onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const call = useCall();
  const rigNames = useMemo(() => Object.fromEntries(rigs.map((r) => [r.id, r.name])), [rigs]);
  // The recordings that will end, not the targets' whole status: re-rendered when those change only.
  const running = useAppStoreEqual(
    (s) =>
      targets.flatMap((t) =>
        (s.statuses[t.rigId]?.cameras ?? [])
          .filter((c) => c.state === 'recording' && (t.serial === undefined || t.serial === c.serial))
          .map((c) => ({ rig: rigNames[t.rigId] ?? t.rigId, serial: c.serial, filename: c.recording?.filename ?? null })),
      ),
    sameJson,
  );

  const { error, outcomes, busy, run } = useTargetAction({ ok: 'Recording stopped', partial: 'Stop failed somewhere' });
  const stop = () => run((progress) => call('recording.stop', { targets, progress }));

  return (
    <Modal opened onClose={onClose} title="Stop recording">
      <Stack gap="sm">
        <TargetSummary targets={targets} rigNames={rigNames} />
        {outcomes ? (
          <>
            <OutcomeList outcomes={outcomes} label="Stop results" waiting={busy} />
            <Group justify="flex-end">
              <Button onClick={onClose}>Close</Button>
            </Group>
          </>
        ) : (
          <>
            {running.length > 0 ? (
              <>
                <Text size="sm">
                  {running.length === 1 ? 'This recording is running and will end now:' : `These ${running.length} recordings are running and will end now:`}
                </Text>
                <List size="sm">
                  {running.slice(0, RUNNING_SHOWN).map((r) => (
                    <List.Item key={`${r.rig}/${r.serial}`}>
                      {r.rig} · camera {r.serial}
                      {r.filename ? ` · ${r.filename}` : ''}
                    </List.Item>
                  ))}
                </List>
                {running.length > RUNNING_SHOWN && (
                  <Text size="sm" c="dimmed">
                    and {running.length - RUNNING_SHOWN} more.
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm">No recording is known to run on these cameras. Send stop anyway?</Text>
            )}
            {error && <ErrorNote error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button color="red" loading={busy} onClick={() => void stop()}>
                {running.length > 0 ? `Stop ${running.length} recording${running.length === 1 ? '' : 's'}` : 'Send stop'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
