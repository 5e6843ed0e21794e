import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { OutcomeList } from '../../ui/OutcomeList';
import { describeSelection } from '../dashboard/fleet-model';
import { DEFAULT_OUTPUT_NAMES } from '../outputs/outputs-slice';
import { useCodecChoice } from '../recording/RecordingFields';
import { useTargetAction } from '../recording/use-target-action';
import { OperationFields } from '../schedule/OperationFields';
import type { FleetAction } from './fleet-action';
import { emptyOperation, OPERATION_LABELS, toScheduledOperation, type OperationDraft } from '../schedule/operation-draft';

/**
 * Switch an output or change a camera parameter on every selected rig/camera at once, with
 * one result line per rig. The fields are the Schedule form's; delivery is the operation's
 * own (a parameter change for an offline rig waits in the outbox, an output fails fast).
 */
export function FleetActionDialog({ action, targets, onClose }: { action: FleetAction; targets: Target[]; onClose(): void }) {
  const statuses = useAppStore((s) => s.statuses);
  const namesByRig = useAppStore((s) => s.outputNamesByRig);
  const call = useCall();
  const [draft, setDraft] = useState<OperationDraft>({ ...emptyOperation, kind: action, outputMode: 'on' });
  const [problem, setProblem] = useState<string | null>(null);
  const { error, outcomes, busy, run } = useTargetAction({ ok: `${OPERATION_LABELS[action]}: done`, partial: `${OPERATION_LABELS[action]}: not everywhere` });
  const codecs = useCodecChoice(targets);
  const outputSuggestions = [...new Set([...targets.flatMap((t) => namesByRig[t.rigId] ?? []), ...DEFAULT_OUTPUT_NAMES])];

  const send = async () => {
    const operation = toScheduledOperation(draft, codecs.codecs);
    if (typeof operation === 'string') return setProblem(operation);
    setProblem(null);
    // One call for all targets; never retried (an output toggle sent twice undoes itself).
    if (operation.kind === 'outputs.set') await run((progress) => call('outputs.set', { targets, progress, name: operation.name, value: operation.value }));
    else if (operation.kind === 'cameras.configure') await run((progress) => call('cameras.configure', { targets, progress, params: { [operation.name]: operation.value } }));
  };

  return (
    <Modal opened onClose={onClose} title={`${OPERATION_LABELS[action]} on the selection`} size="lg">
      <Stack gap="sm">
        <Text size="sm" data-testid="action-targets">
          {describeSelection(targets, statuses)}
        </Text>
        {outcomes ? (
          <>
            <OutcomeList outcomes={outcomes} label="Results" waiting={busy} />
            <Group justify="flex-end">
              <Button onClick={onClose}>Close</Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <Stack gap="sm">
              <OperationFields value={draft} onChange={setDraft} outputSuggestions={outputSuggestions} codecs={codecs} kinds={[action]} />
              {problem && (
                <Alert color="orange" role="alert">
                  {problem}
                </Alert>
              )}
              {error && <ErrorNote error={error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Cancel
                </Button>
                <Button type="submit" loading={busy}>
                  Apply to all selected
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
