import { Button, Group, List, Text } from '@mantine/core';
import type { Result } from '../../../src-main/contract/errors';
import type { Args, Res } from '../../../src-main/contract/requests';
import { ErrorNote } from '../../ui/ErrorNote';
import { submittedTaskWords } from './task-rows';

/** A submitted task with what happened to it: what the result lines describe, whatever is typed since. */
export interface Submission {
  args: Args<'schedule.add'>;
  result: Result<Res<'schedule.add'>>;
}

type Outcome = Res<'schedule.add'>[number];
const where = (o: Outcome) => (o.serial ? `${o.rigName}, camera ${o.serial}` : o.rigName);

/**
 * One line per rig (or camera) for the task that was submitted: scheduled, waiting in the
 * outbox (with what could not be checked), or refused; a name the rig already has offers
 * "Replace task", which sends the same task again with `replace`.
 */
export function AddTaskResult({
  submission,
  busy,
  onReplace,
}: {
  submission: Submission | null;
  busy: boolean;
  /** null: the form was edited since it was submitted, so there is nothing to replace with. */
  onReplace: (() => void) | null;
}) {
  if (!submission) return null;
  const { args, result } = submission;
  if (!result.ok) return <ErrorNote error={result.error} />;
  if (result.value.length === 0) return null;
  const failed = result.value.some((o) => !o.ok);
  const taken = result.value.some((o) => !o.ok && o.error.code === 'already-exists');
  const words = submittedTaskWords(args);
  const done = `task "${args.taskName}" ${args.replace ? 'replaced' : 'scheduled'} (${words})`;
  const waits = `task "${args.taskName}" waits in the Outbox (${words}) and is sent when the rig is back.`;
  return (
    <div>
      <List size="sm" spacing={2} role={failed ? 'alert' : 'status'} aria-label="Result" listStyleType="none" p={0}>
        {result.value.map((o, i) => (
          <List.Item key={`${o.rigId}-${o.serial ?? ''}-${i}`} data-outcome={o.ok ? o.delivery : o.error.code}>
            <Text size="sm" c={!o.ok ? 'red' : o.delivery === 'queued' ? 'orange' : 'teal'}>
              {!o.ok
                ? o.error.code === 'already-exists'
                  ? o.error.message // names the rig itself
                  : `${where(o)}: ${o.error.message}`
                : o.delivery === 'queued'
                  ? `${where(o)} is offline: ${waits}`
                  : `${where(o)}: ${done}`}
            </Text>
            {o.ok && o.note && (
              <Text size="sm" c="orange">
                {o.note}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {taken && onReplace === null && (
        <Text size="xs" c="dimmed" mt={4} data-testid="replace-withdrawn">
          The form was changed after this answer: schedule it again to be asked about replacing.
        </Text>
      )}
      {taken && onReplace !== null && (
        <Group gap="xs" mt={4}>
          <Button size="xs" color="orange" onClick={onReplace} loading={busy} disabled={busy}>
            Replace task
          </Button>
          <Text size="xs" c="dimmed">
            replaces the rig&apos;s task &quot;{args.taskName}&quot; with the one submitted ({words})
          </Text>
        </Group>
      )}
    </div>
  );
}
