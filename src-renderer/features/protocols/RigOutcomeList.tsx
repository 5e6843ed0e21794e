import { List, Text, ThemeIcon } from '@mantine/core';
import type { RigOutcome } from '../../../src-main/core/protocols/outcomes';
import { withoutLeadingRigName } from '../../ui/outcome-words';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** What applying or removing did: tasks created/removed per rig, queued for offline rigs, or why it failed. */
function words(o: RigOutcome): string {
  const done = [o.created.length > 0 && `${plural(o.created.length, 'task')} created`, o.removed.length > 0 && `${plural(o.removed.length, 'task')} removed`]
    .filter(Boolean)
    .join(', ');
  if (o.delivery === 'queued') return `queued (rig offline; sent when it is back)${done ? `: ${done}` : ''}`;
  return done || 'nothing to change';
}

/** Per-rig results of apply or remove, in the style of the other actions' results. */
export function RigOutcomeList({ outcomes, label }: { outcomes: RigOutcome[]; label: string }) {
  return (
    <List spacing={4} size="sm" aria-label={label} center>
      {outcomes.map((o) => (
        <List.Item
          key={o.rigId}
          data-ok={o.ok}
          icon={
            <ThemeIcon size={18} radius="xl" color={!o.ok ? 'red' : o.delivery === 'queued' ? 'yellow' : 'teal'} aria-hidden>
              {o.ok ? '✓' : '✕'}
            </ThemeIcon>
          }
        >
          <Text span fw={500} size="sm">
            {o.rigName}
          </Text>
          {': '}
          {o.ok || !o.error ? (
            words(o)
          ) : (
            <Text span c="red" size="sm">
              {withoutLeadingRigName(o.error.message, o.rigName)}
            </Text>
          )}
          {o.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {withoutLeadingRigName(n, o.rigName)}
            </Text>
          ))}
        </List.Item>
      ))}
    </List>
  );
}
