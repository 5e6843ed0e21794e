import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { SimulatedBadge } from '../../ui/SimulatedBadge';
import { formFromRig, presetProblem, rigFieldsFromForm, type RigFormValues } from './rig-form-model';
import { RigFormFields } from './RigFormFields';
import { RigKeySection } from './RigKeySection';
import { RigTrustSection } from './RigTrustSection';
import { testRigConnection } from './test-connection';

/** Change a rig's fields, key and certificate trust; test it; remove it. */
export function EditRigDialog({ rig, onClose }: { rig: RigSummary; onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const rigRequest = useAppStore((s) => s.rigRequest);
  const openDialog = useAppStore((s) => s.openDialog);
  const knownTags = useMemo(() => [...new Set(rigs.flatMap((r) => r.tags))], [rigs]);
  const [values, setValues] = useState<RigFormValues>(() => formFromRig(rig));
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    const r = await rigRequest('rigs.update', { rigId: rig.id, patch: rigFieldsFromForm(values) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    notifications.show({ color: 'teal', title: 'Rig saved', message: r.value.name });
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        <Group gap="xs">
          {`Edit ${rig.name}`}
          <SimulatedBadge simulated={rig.simulated} />
        </Group>
      }
    >
      <Stack gap="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <RigFormFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} knownTags={knownTags} rigId={rig.id} />
            {error && <ErrorNote error={error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={presetProblem(values) !== null}>
                Save changes
              </Button>
            </Group>
          </Stack>
        </form>
        <RigKeySection rig={rig} />
        <RigTrustSection rig={rig} />
        <Group justify="space-between">
          <Button color="red" variant="light" onClick={() => openDialog({ kind: 'remove-rig', rigId: rig.id })}>
            Remove rig…
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={() => void testRigConnection(rig, rigRequest)}>
              Test connection
            </Button>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
