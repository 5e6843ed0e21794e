import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { OutcomeList } from '../../ui/OutcomeList';
import { TargetSummary } from './TargetSummary';
import { useTargetAction } from './use-target-action';

/** Copy (or move) the completed recordings of the targets; progress then shows on the dashboard. */
export function CopyDialog({ targets, onClose }: { targets: Target[]; onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const call = useCall();
  const [location, setLocation] = useState('');
  const [deleteAfter, setDeleteAfter] = useState(false);
  const rigNames = Object.fromEntries(rigs.map((r) => [r.id, r.name]));

  // The rig answers when the copy begins, not when it ends: a success is a start, with progress on the dashboard.
  const doneWord = deleteAfter ? 'move started' : 'copy started';
  const { error, outcomes, busy, run } = useTargetAction({ ok: 'Copy started', partial: 'Copy did not start everywhere', doneWord });
  const copy = () => run((progress) => call('recordings.copy', { targets, progress, options: { ...(location.trim() ? { location: location.trim() } : {}), deleteAfter } }));

  return (
    <Modal opened onClose={onClose} title="Copy recordings">
      <Stack gap="sm">
        <TargetSummary targets={targets} rigNames={rigNames} />
        {outcomes ? (
          <>
            <OutcomeList outcomes={outcomes} label="Copy results" waiting={busy} doneWord={doneWord} />
            <Text size="xs" c="dimmed">
              Progress shows on each camera of the dashboard.
            </Text>
            <Group justify="flex-end">
              <Button onClick={onClose}>Close</Button>
            </Group>
          </>
        ) : (
          <>
            <TextInput label="Location" description="A folder on the rig (or network storage it mounts); empty: the rig's configured location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
            <Checkbox label="Delete the originals after a successful copy (move)" checked={deleteAfter} onChange={(e) => setDeleteAfter(e.currentTarget.checked)} color="red" />
            {error && <ErrorNote error={error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button loading={busy} onClick={() => void copy()}>
                {deleteAfter ? 'Move recordings' : 'Copy recordings'}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
