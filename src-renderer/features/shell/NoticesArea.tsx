import { Stack } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';
import { NoticeItem } from './NoticeItem';

/**
 * Notices about the app itself (e.g. "your config file was corrupt and was moved aside to ..."),
 * above every view until dismissed; alerts about rigs are in the notices centre of the header.
 */
export function NoticesArea() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const shown = notices.filter((n) => n.rigId === undefined);
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" aria-label="Notices" role="region">
      {shown.map((n) => (
        <NoticeItem key={n.id} notice={n} onDismiss={() => void dismiss(n.id)} />
      ))}
    </Stack>
  );
}
