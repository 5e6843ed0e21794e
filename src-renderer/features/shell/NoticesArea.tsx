import { Alert, Stack } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';

const colors = { info: 'blue', warning: 'yellow', error: 'red' } as const;

/** Main's notices of this run (e.g. "your config file was corrupt and was moved aside to ..."), until dismissed. */
export function NoticesArea() {
  const notices = useAppStore((s) => s.notices);
  const dismissed = useAppStore((s) => s.dismissedNoticeIds);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const shown = notices.filter((n) => !dismissed.includes(n.id));
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" aria-label="Notices" role="region">
      {shown.map((n) => (
        <Alert
          key={n.id}
          color={colors[n.level]}
          title={n.level === 'info' ? 'Notice' : n.level === 'warning' ? 'Warning' : 'Problem'}
          withCloseButton
          closeButtonLabel="Dismiss notice"
          onClose={() => dismiss(n.id)}
        >
          {n.message}
        </Alert>
      ))}
    </Stack>
  );
}
