import { Button, Drawer, Indicator, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { NoticeItem } from './NoticeItem';

/** The bell in the header with the count of notices not dismissed, opening the list of them, newest first. */
export function NoticesCentre() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const error = useAppStore((s) => s.noticesError);
  const [opened, { open, close }] = useDisclosure(false);
  const worst = notices.some((n) => n.level === 'error') ? 'red' : notices.some((n) => n.level === 'warning') ? 'orange' : 'blue';
  return (
    <>
      <Indicator label={notices.length} size={16} color={worst} disabled={notices.length === 0}>
        <Button variant="default" size="compact-md" onClick={open} aria-label={`Notices: ${notices.length}`}>
          <span aria-hidden>🔔</span>
        </Button>
      </Indicator>
      <Drawer opened={opened} onClose={close} position="right" title="Notices" size="md">
        <Stack gap="xs" aria-label="Notices list">
          {error && <ErrorNote error={error} />}
          {notices.length === 0 && (
            <Text size="sm" c="dimmed">
              No notices.
            </Text>
          )}
          {[...notices].reverse().map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={() => void dismiss(n.id)} />
          ))}
        </Stack>
      </Drawer>
    </>
  );
}
