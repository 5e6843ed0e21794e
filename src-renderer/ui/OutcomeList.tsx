import { List, Text, ThemeIcon } from '@mantine/core';
import { memo } from 'react';
import type { TargetOutcome } from '../../src-main/contract/requests/targets';
import { withoutLeadingRigName } from './outcome-words';

const where = (o: TargetOutcome) => (o.serial ? `${o.rigName} · camera ${o.serial}` : `${o.rigName} · all cameras`);
/** Left alone on purpose (a start where a recording runs): not a failure. */
const isSkipped = (o: TargetOutcome) => !o.ok && o.error.code === 'already-recording';

/**
 * Which targets of an action succeeded, which were queued for an offline rig, which failed and
 * why; `waiting`: the outcomes come in as rigs answer, and more are on their way. Re-rendered
 * only when its outcomes change, not with every status the window receives meanwhile.
 */
export const OutcomeList = memo(function OutcomeList({ outcomes, label, waiting = false }: { outcomes: TargetOutcome[]; label: string; waiting?: boolean }) {
  return (
    <>
    {waiting && (
      <Text size="sm" c="dimmed" role="status" data-testid="outcomes-waiting">
        {outcomes.length} answered so far; waiting for the others…
      </Text>
    )}
    <List spacing={4} size="sm" aria-label={label} center>
      {outcomes.map((o) => (
        <List.Item
          key={`${o.rigId}/${o.serial ?? '*'}`}
          data-ok={o.ok}
          data-skipped={isSkipped(o) || undefined}
          icon={
            <ThemeIcon size={18} radius="xl" color={isSkipped(o) ? 'gray' : !o.ok ? 'red' : o.delivery === 'queued' ? 'yellow' : 'teal'} aria-hidden>
              {o.ok ? '✓' : isSkipped(o) ? '–' : '✕'}
            </ThemeIcon>
          }
        >
          <Text span fw={500} size="sm">
            {where(o)}
          </Text>
          {': '}
          {o.ok ? (
            o.delivery === 'queued' ? 'queued (rig offline; sent when it is back)' : 'done'
          ) : (
            <Text span c={isSkipped(o) ? 'dimmed' : 'red'} size="sm">
              {withoutLeadingRigName(o.error.message, o.rigName)}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
    </>
  );
});

/** One line for a toast: "2 done, 1 skipped (already recording), 1 failed". */
export function summarizeOutcomes(outcomes: TargetOutcome[]): { text: string; allOk: boolean } {
  const skipped = outcomes.filter(isSkipped).length;
  const failed = outcomes.filter((o) => !o.ok).length - skipped;
  const queued = outcomes.filter((o) => o.ok && o.delivery === 'queued').length;
  const done = outcomes.length - failed - queued - skipped;
  const parts = [done && `${done} done`, queued && `${queued} queued`, skipped && `${skipped} skipped (already recording)`, failed && `${failed} failed`].filter(Boolean);
  return { text: parts.join(', ') || 'nothing to do', allOk: failed === 0 };
}
