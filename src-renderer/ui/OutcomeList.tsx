import { Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { TargetOutcome } from '../../src-main/contract/requests/targets';
import { withoutLeadingRigName } from './outcome-words';

const where = (o: TargetOutcome) => (o.serial ? `${o.rigName} · camera ${o.serial}` : `${o.rigName} · all cameras`);
/** Left alone on purpose (a start where a recording runs): not a failure. */
const isSkipped = (o: TargetOutcome) => !o.ok && o.error.code === 'already-recording';
const kindOf = (o: TargetOutcome) => (isSkipped(o) ? 'skipped' : !o.ok ? 'failed' : o.delivery === 'queued' ? 'queued' : 'done');
/** The order lines are listed in (stable within a kind: as the rigs answered). */
const KIND_ORDER: Record<ReturnType<typeof kindOf>, number> = { failed: 0, queued: 1, skipped: 2, done: 3 };

/**
 * Which targets of an action succeeded, which were queued for an offline rig, which failed and
 * why; `waiting`: the outcomes come in as rigs answer, and more are on their way. `doneWord`
 * says what a success means where it is only a beginning ("copy started": the rig took it). Each line is
 * its own memoised component of plain elements: as 200 rigs answer, a batch of answers adds its
 * lines without rendering the ones already shown again.
 */
export const OutcomeList = memo(function OutcomeList({
  outcomes,
  label,
  waiting = false,
  doneWord = 'done',
}: {
  outcomes: TargetOutcome[];
  label: string;
  waiting?: boolean;
  doneWord?: string;
}) {
  // What needs a look first: of 200 lines, the 3 that failed are at the top, not somewhere below.
  const shown = useMemo(() => [...outcomes].sort((a, b) => KIND_ORDER[kindOf(a)] - KIND_ORDER[kindOf(b)]), [outcomes]);
  return (
    <>
      {waiting && (
        <Text size="sm" c="dimmed" role="status" data-testid="outcomes-waiting">
          {outcomes.length} answered so far; waiting for the others…
        </Text>
      )}
      <ul className="outcome-list" aria-label={label}>
        {shown.map((o) => (
          <OutcomeLine key={`${o.rigId}/${o.serial ?? '*'}`} outcome={o} doneWord={doneWord} />
        ))}
      </ul>
    </>
  );
});

const OutcomeLine = memo(
  function OutcomeLine({ outcome: o, doneWord }: { outcome: TargetOutcome; doneWord: string }) {
    const kind = kindOf(o);
    return (
      <li data-ok={o.ok} data-skipped={isSkipped(o) || undefined} data-kind={kind}>
        <span className="outcome-icon" aria-hidden>
          {o.ok ? '✓' : isSkipped(o) ? '–' : '✕'}
        </span>
        <span>
          <span className="outcome-where">{where(o)}</span>
          {': '}
          {o.ok ? (
            o.delivery === 'queued' ? 'queued (rig offline; sent when it is back)' : doneWord
          ) : (
            <span className="outcome-error">{withoutLeadingRigName(o.error.message, o.rigName)}</span>
          )}
        </span>
      </li>
    );
  },
  // The final answer replaces the streamed outcomes with equal new objects: nothing to redraw.
  (a, b) => a.doneWord === b.doneWord && sameOutcome(a.outcome, b.outcome),
);

function sameOutcome(a: TargetOutcome, b: TargetOutcome): boolean {
  if (a === b) return true;
  if (a.rigId !== b.rigId || a.serial !== b.serial || a.rigName !== b.rigName || a.ok !== b.ok) return false;
  if (a.ok && b.ok) return a.delivery === b.delivery;
  return !a.ok && !b.ok && a.error.code === b.error.code && a.error.message === b.error.message;
}

/** One line for a toast: "2 done, 1 skipped (already recording), 1 failed" (or "2 copy started, ..."). */
export function summarizeOutcomes(outcomes: TargetOutcome[], doneWord = 'done'): { text: string; allOk: boolean } {
  const skipped = outcomes.filter(isSkipped).length;
  const failed = outcomes.filter((o) => !o.ok).length - skipped;
  const queued = outcomes.filter((o) => o.ok && o.delivery === 'queued').length;
  const done = outcomes.length - failed - queued - skipped;
  const parts = [done && `${done} ${doneWord}`, queued && `${queued} queued`, skipped && `${skipped} skipped (already recording)`, failed && `${failed} failed`].filter(Boolean);
  return { text: parts.join(', ') || 'nothing to do', allOk: failed === 0 };
}
