import { Alert, Text } from '@mantine/core';
import type { AppNotice } from './notices-slice';

const colors = { info: 'blue', warning: 'yellow', error: 'red' } as const;
const levelWords = { info: 'Notice', warning: 'Warning', error: 'Problem' } as const;

/** "Problem: Arena 1 · camera FAKE0": how bad, and which rig and camera. */
export function noticeTitle(notice: AppNotice): string {
  const about = notice.rigName ? `${notice.rigName}${notice.serial ? ` · camera ${notice.serial}` : ''}` : null;
  return about ? `${levelWords[notice.level]}: ${about}` : levelWords[notice.level];
}

/** One notice: which rig and camera, what happened, what to do, when; dismissable. */
export function NoticeItem({ notice, onDismiss }: { notice: AppNotice; onDismiss(): void }) {
  return (
    <Alert
      color={colors[notice.level]}
      title={noticeTitle(notice)}
      withCloseButton
      closeButtonLabel="Dismiss notice"
      onClose={onDismiss}
      data-testid="notice"
      data-level={notice.level}
    >
      <Text size="sm">{notice.message}</Text>
      {notice.advice && (
        <Text size="sm" mt={4}>
          What to do: {notice.advice}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {new Date(notice.at).toLocaleString()}
      </Text>
    </Alert>
  );
}
