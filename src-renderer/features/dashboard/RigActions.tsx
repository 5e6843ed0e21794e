import { Button, Group, Menu } from '@mantine/core';

export interface RigActionHandlers {
  onRecord(): void;
  onStop(): void;
  onOpen(): void;
  onEdit(): void;
  onTest(): void;
  onRemove(): void;
}

/**
 * The buttons of one rig: record/stop on all its cameras, its detail view, and setup. With a
 * `disabledReason` (the app's core is not answering) the commands are disabled, saying why.
 */
export function RigActions({
  rigName,
  handlers,
  recording,
  disabledReason = null,
}: {
  rigName: string;
  handlers: RigActionHandlers;
  recording: boolean;
  disabledReason?: string | null;
}) {
  const off = disabledReason !== null;
  const why = disabledReason ?? undefined;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="compact-sm" color="red" variant="light" onClick={handlers.onRecord} aria-label={`Record on ${rigName}`} disabled={off} title={why}>
        Record
      </Button>
      <Button size="compact-sm" variant={recording ? 'filled' : 'default'} onClick={handlers.onStop} aria-label={`Stop ${rigName}`} disabled={off} title={why}>
        Stop
      </Button>
      <Button size="compact-sm" variant="default" onClick={handlers.onOpen} aria-label={`Open ${rigName}`}>
        Details
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-sm" variant="subtle" aria-label={`More actions for ${rigName}`} disabled={off} title={why}>
            ⋯
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={handlers.onEdit}>Edit rig…</Menu.Item>
          <Menu.Item onClick={handlers.onTest}>Test connection</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={handlers.onRemove}>
            Remove rig…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
