import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';

/** The window with no rigs yet: try the simulator, add a real rig, or import a list. */
export function FirstRun() {
  const startDemo = useAppStore((s) => s.startDemo);
  const demoStarting = useAppStore((s) => s.demoStarting);
  const demoError = useAppStore((s) => s.demoError);
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <Stack gap="md" maw={900}>
      <Title order={2} size="h3">
        Rigs
      </Title>
      <Text role="status" data-testid="rigs-empty">
        No rigs configured yet.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="lg">
          <Title order={3} size="h4">
            Try it without hardware
          </Title>
          <Text size="sm" c="dimmed" my="sm">
            Start two simulated Motif rigs inside the app and try everything (recording, outputs, schedules, live view) without
            hardware. They are marked “simulated” everywhere and can be removed at any time.
          </Text>
          <Button onClick={() => void startDemo()} loading={demoStarting} color="violet">
            Try with simulated rigs
          </Button>
          {demoError && <ErrorNote error={demoError} />}
        </Card>
        <Card withBorder padding="lg">
          <Title order={3} size="h4">
            Connect a Motif rig
          </Title>
          <Text size="sm" c="dimmed" my="sm">
            You need each rig's address (as in its web interface) and its API key (run <code>recnode-apikey</code> on
            the rig). Or import a rig list exported on another lab PC.
          </Text>
          <Group gap="xs">
            <Button onClick={() => openDialog({ kind: 'add-rig' })}>Add rig…</Button>
            <Button variant="default" onClick={() => openDialog({ kind: 'import-rigs' })}>
              Import…
            </Button>
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
