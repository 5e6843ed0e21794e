import { Badge } from '@mantine/core';

/** Marks a rig that is the built-in simulator, not hardware, wherever the rig appears. */
export function SimulatedBadge({ simulated }: { simulated: boolean }) {
  if (!simulated) return null;
  return (
    <Badge color="violet" variant="dot" size="sm" data-testid="simulated-badge">
      simulated
    </Badge>
  );
}

/** A rig's tags as shown beside its badges: a "simulated" tag says again what the badge says. */
export function tagsBesideBadges(rig: { tags: string[]; simulated: boolean }): string[] {
  return rig.simulated ? rig.tags.filter((t) => t.trim().toLowerCase() !== 'simulated') : rig.tags;
}
