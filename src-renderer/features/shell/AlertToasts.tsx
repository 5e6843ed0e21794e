import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/use-app-store';
import { alertsToToast } from './alerts-to-toast';
import { noticeTitle } from './NoticeItem';

/**
 * Each alert that needs someone, raised while the window is open, also pops up where the
 * user is looking (the bell only counts). An error stays until closed; dismissed in the
 * notices centre, its pop-up goes too.
 */
export function AlertToasts() {
  const notices = useAppStore((s) => s.notices);
  const loaded = useAppStore((s) => s.noticesLoaded);
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const first = seen.current === null;
    seen.current ??= new Set();
    for (const n of alertsToToast(notices, seen.current, first)) {
      notifications.show({
        id: `notice-${n.id}`,
        color: n.level === 'error' ? 'red' : 'yellow',
        title: noticeTitle(n),
        message: n.advice ? `${n.message} What to do: ${n.advice}` : n.message,
        autoClose: n.level === 'error' ? false : 15_000,
        withBorder: true,
        'data-testid': 'alert-toast',
      });
    }
    const open = new Set(notices.map((n) => n.id));
    for (const id of seen.current) if (!open.has(id)) notifications.hide(`notice-${id}`);
  }, [notices, loaded]);
  return null;
}
