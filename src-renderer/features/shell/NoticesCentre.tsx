import { Button, Drawer, Indicator, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { NoticeItem } from './NoticeItem';

/** Drawn here: emoji fonts are not on every lab PC. */
function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

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
          <BellIcon />
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
