import { Button, Group, Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigLane } from '../../../src-main/core/protocols/outcomes';
import { useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { useNow } from '../../ui/use-now';
import { Timeline } from './Timeline';
import { DAY, HOUR } from './timeline-model';

/** What the chosen rigs' scheduled tasks will do, from a little before now to a day ahead. */
export function DashboardTimeline({ rigIds }: { rigIds: string[] }) {
  const call = useCall();
  const now = useNow(30_000);
  const [initial] = useState<[number, number]>(() => [Date.now() - HOUR / 2, Date.now() + DAY]);
  const [view, setView] = useState(initial);
  // Reading every rig's tasks is a round trip per rig: plan a margin around the view, and only when it settles.
  const [settled] = useDebouncedValue(view, 300);
  const [planned, setPlanned] = useState<{ from: number; until: number; key: string } | null>(null);
  const [lanes, setLanes] = useState<RigLane[]>([]);
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = rigIds.join('\n');

  const load = useCallback(async (from: number, until: number) => {
    setBusy(true);
    const r = await call('protocols.planSchedules', { rigIds: key.split('\n'), from: new Date(from).toISOString(), until: new Date(until).toISOString() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setLanes(r.value.lanes);
    setPlanned({ from, until, key });
  }, [call, key]);

  useEffect(() => {
    if (key === '') return;
    const [from, until] = settled;
    if (planned && planned.key === key && planned.from <= from && planned.until >= until) return;
    const span = until - from;
    const margin = Math.min(span, 30 * DAY);
    void load(from - margin, until + margin);
  }, [settled, key, planned, load]);

  if (rigIds.length === 0) return <Text size="sm" c="dimmed">No rigs to show.</Text>;
  return (
    <div data-testid="dashboard-timeline">
      <Group gap="xs" mb={4}>
        <Text size="sm">
          Scheduled tasks of {rigIds.length === 1 ? 'the rig' : `${rigIds.length} rigs`}, as each rig will run them
          (hatched: tasks not from a protocol).
        </Text>
        <Button size="compact-xs" variant="subtle" loading={busy} onClick={() => void load(planned?.from ?? view[0], planned?.until ?? view[1])}>
          Read again
        </Button>
        {busy && <Loader size="xs" />}
      </Group>
      {error && <ErrorNote error={error} />}
      <Timeline lanes={lanes} fromMs={initial[0]} untilMs={initial[1]} nowMs={now} onRangeChange={(f, u) => setView([f, u])} />
    </div>
  );
}
