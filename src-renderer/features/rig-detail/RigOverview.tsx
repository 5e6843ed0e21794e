import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RigSummary } from '../../../src-main/contract/requests';
import { useAppStore } from '../../store/use-app-store';
import { RigCard } from '../dashboard/RigCard';
import { useCoreAway } from '../status/core-away';

/** One rig's card, its setup facts and its actions. */
export function RigOverview({ rig }: { rig: RigSummary }) {
  const openDialog = useAppStore((s) => s.openDialog);
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const away = useCoreAway();
  const preset = rig.preset;
  const facts: [string, string][] = [
    ['Address', `${rig.host}:${rig.port}`],
    ['Certificate', rig.trust === null ? 'not trusted yet' : rig.trust.kind === 'fingerprint' ? `pinned ${rig.trust.sha256.slice(0, 23)}…` : `CA file ${rig.trust.caPath}`],
    ['Preset codec', preset.codec ?? "rig's default"],
    ['Preset duration', preset.durationSeconds ? `${preset.durationSeconds} s` : 'until stopped'],
    ['Preset file name', preset.filenamePattern ?? '–'],
    ['Added', new Date(rig.createdAt).toLocaleString()],
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <RigCard rigId={rig.id} onOpen={() => void refreshStatus(rig.id)} />
      <Card withBorder>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Setup
          </Title>
          {facts.map(([label, value]) => (
            <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={130}>
                {label}
              </Text>
              <Text size="sm">{value}</Text>
            </Group>
          ))}
          {rig.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {rig.notes}
            </Text>
          )}
          <Group gap="xs" mt="sm">
            <Button size="xs" variant="default" disabled={away !== null} title={away ?? undefined} onClick={() => openDialog({ kind: 'edit-rig', rigId: rig.id })}>
              Edit rig…
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={away !== null}
              title={away ?? undefined}
              onClick={() => openDialog({ kind: 'copy', targets: [{ rigId: rig.id }] })}
            >
              Copy recordings…
            </Button>
          </Group>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
