import { Stack, Text, Title } from '@mantine/core';
import type { RigLane } from '../../../src-main/core/protocols/outcomes';
import { ErrorNote } from '../../ui/ErrorNote';
import { Timeline } from '../timeline/Timeline';
import { concerns, EventList, MAX_ROWS } from './EventList';

/**
 * A plan: the timeline of every rig's lanes, then per rig the checks as sentences and the
 * events as a list, the timeline's readable form.
 */
export function PlanView({ lanes, fromMs, untilMs }: { lanes: RigLane[]; fromMs: number; untilMs: number }) {
  return (
    <Stack gap="md" data-testid="plan-view">
      <Timeline lanes={lanes} fromMs={fromMs} untilMs={untilMs} nowMs={Date.now()} />
      {lanes.map((lane) => {
        const listed = lane.events.slice(0, MAX_ROWS);
        const general = lane.warnings.filter((w) => !listed.some((e) => concerns(w, e)));
        const timedCount = lane.warnings.length - general.length;
        return (
          <section key={lane.rigId ?? lane.rig} aria-label={`Plan of ${lane.rig}`}>
            <Title order={4} size="h6">
              {lane.rigId === null ? 'No rig chosen: parameters at their defaults' : lane.rig}
            </Title>
            {lane.error && <ErrorNote error={lane.error} />}
            <div aria-label={`Checks on ${lane.rig}`}>
              {lane.warnings.length === 0 && (
                <Text size="sm" c="teal">
                  Checks found no problems.
                </Text>
              )}
              {general.map((w, i) => (
                <Text key={i} size="sm" c="orange">
                  {w.message}
                </Text>
              ))}
              {timedCount > 0 && (
                <Text size="sm" c="orange">
                  {timedCount} warning{timedCount === 1 ? '' : 's'} at particular times, shown with the events below.
                </Text>
              )}
            </div>
            <EventList lane={lane} />
          </section>
        );
      })}
    </Stack>
  );
}
