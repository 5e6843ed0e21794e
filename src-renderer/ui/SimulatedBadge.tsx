import { Badge } from '@mantine/core';

/** Marks a rig that is the built-in simulator, not hardware, wherever the rig appears. */
export function SimulatedBadge({ simulated }: { simulated: boolean }) {
  if (!simulated) return null;
  return (
    <Badge color="violet" variant="dot" size="sm" data-testid="simulated-badge" style={{ flexShrink: 0, overflow: 'visible' }}>
      simulated
    </Badge>
  );
}
