import { Badge, Burger, Group, Indicator, Text, Title } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';
import { ConnectionBadge } from './ConnectionBadge';
import { ThemeToggle } from './ThemeToggle';

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav(): void }) {
  const appInfo = useAppStore((s) => s.appInfo);
  const openNotices = useAppStore((s) => s.notices.filter((n) => !s.dismissedNoticeIds.includes(n.id)).length);
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
        {openNotices > 0 && (
          <Indicator label={openNotices} size={16} color="orange">
            <Badge variant="light" color="orange">
              notices
            </Badge>
          </Indicator>
        )}
        <ConnectionBadge />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
