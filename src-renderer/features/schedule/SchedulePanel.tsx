import { Button, Group, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { ScheduledTask } from '../../../src-main/contract/requests/operations';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { ActionResult } from '../../ui/ActionResult';
import { Section } from '../../ui/Section';
import { useRigCameras } from '../cameras/use-rig-cameras';
import { DEFAULT_OUTPUT_NAMES } from '../outputs/outputs-slice';
import { NewTaskForm } from './NewTaskForm';
import { RigClock } from './RigClock';
import { rigNowSeconds } from './rig-clock';
import { TaskTable } from './TaskTable';
import { waitingRows } from './task-rows';

const NO_NAMES: string[] = [];
const NO_TASKS: ScheduledTask[] = [];

/** The rig's scheduled tasks with its clock, and the form that creates new ones. */
export function SchedulePanel({ rigId }: { rigId: string }) {
  const { serials, timeZone, timeZoneFromRig } = useRigCameras(rigId);
  const schedule = useAppStore((s) => s.scheduleByRig[rigId]);
  const loadSchedule = useAppStore((s) => s.loadSchedule);
  const clearScheduledTasks = useAppStore((s) => s.clearScheduledTasks);
  const usedNames = useAppStore((s) => s.outputNamesByRig[rigId] ?? NO_NAMES);
  const [clearResult, setClearResult] = useState<Result<TargetOutcome[]> | null>(null);
  const outboxEntries = useAppStore((s) => s.outboxEntries);
  const loadOutbox = useAppStore((s) => s.loadOutbox);
  const watchOutbox = useAppStore((s) => s.watchOutbox);
  const waiting = useMemo(() => waitingRows(outboxEntries, rigId), [outboxEntries, rigId]);

  useEffect(() => {
    void loadSchedule(rigId, timeZone);
  }, [rigId, timeZone, loadSchedule]);
  useEffect(() => {
    void loadOutbox();
    return watchOutbox();
  }, [loadOutbox, watchOutbox]);
  // A change leaving the outbox (applied, or cancelled) changes the rig's list: read it again.
  const waitingCount = waiting.length;
  const previousWaiting = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < previousWaiting.current) void loadSchedule(rigId);
    previousWaiting.current = waitingCount;
  }, [waitingCount, rigId, loadSchedule]);

  const rigNow = useCallback(
    () => (schedule?.rigNowUnixSeconds == null ? null : rigNowSeconds(schedule.rigNowUnixSeconds, schedule.listedAtMs)),
    [schedule],
  );

  return (
    <Stack gap="md" data-testid="schedule-panel">
      <Section title="Scheduled tasks">
        <Group justify="space-between">
          <RigClock
            rigNowUnixSeconds={schedule?.rigNowUnixSeconds ?? null}
            listedAtMs={schedule?.listedAtMs ?? Date.now()}
            timeZone={timeZone}
            timeZoneFromRig={timeZoneFromRig}
          />
          <Button variant="subtle" size="xs" onClick={() => void loadSchedule(rigId)}>
            Refresh tasks
          </Button>
        </Group>
        {schedule?.error && <ErrorNote error={schedule.error} />}
        <TaskTable
          tasks={schedule?.tasks ?? NO_TASKS}
          waiting={waiting}
          timeZone={timeZone}
          onClear={(taskName) => void clearScheduledTasks(rigId, taskName).then(setClearResult)}
        />
        <ActionResult result={clearResult} doneText="cleared" />
      </Section>
      <Section title="New task" hint="Runs an operation at the times the cron expression gives, on the rig's own clock.">
        <NewTaskForm
          destination={{ rigId, serials }}
          timeZone={timeZone}
          rigNow={rigNow}
          outputSuggestions={[...new Set([...usedNames, ...DEFAULT_OUTPUT_NAMES])]}
          tasks={schedule?.tasks ?? NO_TASKS}
          waiting={waiting}
        />
      </Section>
    </Stack>
  );
}
