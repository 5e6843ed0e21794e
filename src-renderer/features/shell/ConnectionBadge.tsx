import { Badge } from '@mantine/core';
import { useAppStore } from '../../store/use-app-store';

const looks = {
  connecting: { color: 'gray', label: 'connecting…' },
  open: { color: 'teal', label: 'connected' },
  closed: { color: 'red', label: 'disconnected: reconnecting…' },
} as const;

/** The window's link to main (browser mode's WebSocket; always connected under Electron). */
export function ConnectionBadge() {
  const connection = useAppStore((s) => s.connection);
  const look = looks[connection];
  return (
    <Badge color={look.color} variant="light" role={connection === 'closed' ? 'alert' : 'status'} aria-label={`Connection: ${look.label}`}>
      {look.label}
    </Badge>
  );
}
