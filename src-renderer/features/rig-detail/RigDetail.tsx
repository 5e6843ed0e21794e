import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';
import { RigStateBadge } from '../../ui/RigStateBadge';
import { SimulatedBadge } from '../../ui/SimulatedBadge';
import { CamerasPanel } from '../cameras/CamerasPanel';
import { LivePanel } from '../live/LivePanel';
import { MulticamPanel } from '../multicam/MulticamPanel';
import { OutputsPanel } from '../outputs/OutputsPanel';
import { RecordingsPanel } from '../recordings/RecordingsPanel';
import { SchedulePanel } from '../schedule/SchedulePanel';
import { rigTabLabels as tabLabels, rigTabs, type RigTab } from '../shell/navigation-slice';
import { useCoreAway } from '../status/core-away';
import { RigOverview } from './RigOverview';
import { useWatchRigs } from '../status/use-watch-rigs';

/** One rig's areas as tabs; the panels (one feature folder each) take the rig id. */
export function RigDetail({ rigId, tab, camera }: { rigId: string; tab: RigTab; camera?: string }) {
  const rig = useAppStore((s) => s.rigs.find((r) => r.id === rigId));
  const status = useAppStore((s) => s.statuses[rigId]);
  const openRig = useAppStore((s) => s.openRig);
  const navigate = useAppStore((s) => s.navigate);
  const away = useCoreAway();
  useWatchRigs([rigId]); // its status is read every second while it is open
  if (!rig) {
    return (
      <Stack>
        <Text>This rig is no longer configured.</Text>
        <Button w="fit-content" onClick={() => navigate({ kind: 'dashboard' })}>
          Back to the dashboard
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} size="h3">
          {rig.name}
        </Title>
        <SimulatedBadge simulated={rig.simulated} />
        <RigStateBadge state={status?.state ?? 'unknown'} stale={(status?.stale ?? false) || away !== null} problem={away ?? status?.problem?.message} />
      </Group>
      <Tabs value={tab} onChange={(next) => next && openRig(rigId, next as RigTab)} keepMounted={false}>
        <Tabs.List>
          {rigTabs.map((t) => (
            <Tabs.Tab key={t} value={t}>
              {tabLabels[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <RigOverview rig={rig} />
        </Tabs.Panel>
        <Tabs.Panel value="cameras" pt="md">
          <CamerasPanel rigId={rigId} />
        </Tabs.Panel>
        <Tabs.Panel value="recordings" pt="md">
          <RecordingsPanel rigId={rigId} />
        </Tabs.Panel>
        <Tabs.Panel value="outputs" pt="md">
          <OutputsPanel rigId={rigId} />
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md">
          <SchedulePanel rigId={rigId} />
        </Tabs.Panel>
        <Tabs.Panel value="multicam" pt="md">
          <MulticamPanel rigId={rigId} />
        </Tabs.Panel>
        <Tabs.Panel value="live" pt="md">
          <LivePanel key={camera} rigId={rigId} {...(camera === undefined ? {} : { camera })} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
