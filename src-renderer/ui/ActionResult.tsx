import { List, Text } from '@mantine/core';
import type { Result } from '../../src-main/contract/errors';
import type { TargetOutcome } from '../../src-main/contract/requests/targets';
import { ErrorNote } from './ErrorNote';
import { withoutLeadingRigName } from './outcome-words';

const where = (o: TargetOutcome) => (o.serial ? `${o.rigName}, camera ${o.serial}` : o.rigName);

function outcomeSentence(o: TargetOutcome, doneText: string): string {
  if (!o.ok) return `${where(o)}: ${withoutLeadingRigName(o.error.message, o.rigName)}`;
  if (o.delivery === 'queued') return `${where(o)} is offline: the change waits in the Outbox and is sent when the rig is back.`;
  return `${where(o)}: ${doneText}`;
}

/**
 * What an action did where it was taken: the bridge's error, or one sentence per rig or
 * camera (done, queued in the Outbox, or the rig's own message).
 */
export function ActionResult({ result, doneText = 'done' }: { result: Result<TargetOutcome[]> | null; doneText?: string }) {
  if (!result) return null;
  if (!result.ok) return <ErrorNote error={result.error} />;
  if (result.value.length === 0) return null;
  const failed = result.value.some((o) => !o.ok);
  return (
    <List size="sm" spacing={2} role={failed ? 'alert' : 'status'} aria-label="Result" listStyleType="none" p={0}>
      {result.value.map((o, i) => (
        <List.Item key={`${o.rigId}-${o.serial ?? ''}-${i}`} data-outcome={o.ok ? o.delivery : 'failed'}>
          <Text size="sm" c={!o.ok ? 'red' : o.delivery === 'queued' ? 'orange' : 'teal'}>
            {outcomeSentence(o, doneText)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
