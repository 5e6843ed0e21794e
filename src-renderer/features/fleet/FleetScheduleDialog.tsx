import { Modal, Stack, Text } from '@mantine/core';
import type { Target } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { describeSelection } from '../dashboard/fleet-model';
import { DEFAULT_OUTPUT_NAMES } from '../outputs/outputs-slice';
import { NewTaskForm } from '../schedule/NewTaskForm';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const unknownRigClock = () => null;

/**
 * The Schedule tab's new-task form, sending one task to every selected rig/camera. Each rig
 * checks the name itself: a rig that has a task of that name says so in its result line and
 * keeps it unless "Replace task" is pressed.
 */
export function FleetScheduleDialog({ targets, onClose }: { targets: Target[]; onClose(): void }) {
  const statuses = useAppStore((s) => s.statuses);
  const namesByRig = useAppStore((s) => s.outputNamesByRig);
  const outputSuggestions = [...new Set([...targets.flatMap((t) => namesByRig[t.rigId] ?? []), ...DEFAULT_OUTPUT_NAMES])];
  return (
    <Modal opened onClose={onClose} title="Schedule a task on the selection" size="xl">
      <Stack gap="sm">
        <Text size="sm" data-testid="action-targets">
          {describeSelection(targets, statuses)}
        </Text>
        <Text size="xs" c="dimmed">
          Next runs are shown in this computer&apos;s zone ({localZone}); each rig runs the task on its own clock.
        </Text>
        <NewTaskForm
          destination={{ targets }}
          timeZone={localZone}
          rigNow={unknownRigClock}
          outputSuggestions={outputSuggestions}
          tasks={[]}
          waiting={[]}
        />
      </Stack>
    </Modal>
  );
}
