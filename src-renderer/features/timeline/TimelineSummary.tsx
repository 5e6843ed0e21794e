import { List, VisuallyHidden } from '@mantine/core';
import { formatInZone } from '../../../src-shared/zoned-time';
import { formatRange, rowSummary, verdictSummary, type AxisZone, type Row } from './timeline-model';

/** The timeline in words, for screen readers: what each row has in view, and every warning, in the axis's zone. */
export function TimelineSummary({ id, rows, fromMs, untilMs, zone }: { id: string; rows: readonly Row[]; fromMs: number; untilMs: number; zone: AxisZone }) {
  const warnings = rows.flatMap((r) => [
    ...r.notes.map((w) => `${r.label}: ${w.message}`),
    ...r.warnings.filter((w) => w.atMs >= fromMs && w.atMs <= untilMs).map((w) => `${r.label}, ${w.at ?? formatInZone(new Date(w.atMs), zone.timeZone)}: ${w.message}`),
  ]);
  const verdicts = verdictSummary(rows, fromMs, untilMs);
  return (
    <VisuallyHidden id={id} data-testid="timeline-summary">
      <p>Timeline from {formatRange(fromMs, untilMs, zone.timeZone)}. {zone.words}.</p>
      {verdicts !== null && <p>In the past: {verdicts}.</p>}
      <List>
        {rows.map((r) => (
          <List.Item key={r.key} data-testid="timeline-summary-row">{rowSummary(r, fromMs, untilMs)}</List.Item>
        ))}
      </List>
      {warnings.length > 0 ? (
        <List data-testid="timeline-summary-warnings">
          {warnings.map((w) => <List.Item key={w}>Warning: {w}</List.Item>)}
        </List>
      ) : (
        <p>No warnings.</p>
      )}
    </VisuallyHidden>
  );
}
