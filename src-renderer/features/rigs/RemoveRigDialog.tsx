import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';

/** Confirm removing a rig from this app (its key too); the rig itself is not touched. */
export function RemoveRigDialog({ rig, onClose }: { rig: RigSummary; onClose(): void }) {
  const rigRequest = useAppStore((s) => s.rigRequest);
  const navigate = useAppStore((s) => s.navigate);
  const clearSelection = useAppStore((s) => s.clearSelection);
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    const r = await rigRequest('rigs.remove', { rigId: rig.id });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    clearSelection();
    navigate({ kind: 'dashboard' });
    notifications.show({ title: 'Rig removed', message: `${rig.name} and its stored key were removed from Motif Control.` });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Remove ${rig.name}?`}>
      <Stack>
        <Text size="sm">
          {rig.name} ({rig.host}:{rig.port}) and its stored API key are removed from Motif Control. Recordings and schedules on the rig
          are not touched.
        </Text>
        {error && <ErrorNote error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            Remove rig
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
