import { Badge, Burger, Group, Text, Title } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';
import { ConnectionBadge } from './ConnectionBadge';
import { NoticesCentre } from './NoticesCentre';
import { ThemeToggle } from './ThemeToggle';

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav(): void }) {
  const appInfo = useAppStore((s) => s.appInfo);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
        <Title order={1} size="h3">
          Motif Control
        </Title>
        <Text size="sm" c="dimmed" data-testid="app-version">
          {appInfo ? `version ${appInfo.version}` : ''}
        </Text>
        {appInfo?.transport === 'browser' && (
          <Badge variant="outline" color="grape">
            browser mode
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <NoticesCentre />
        <ConnectionBadge />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
