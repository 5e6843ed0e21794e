import { Button, Group, Menu } from '@mantine/core';
import type { RigCommandReasons } from './rig-commands';

export interface RigActionHandlers {
  onRecord(): void;
  onStop(): void;
  onOpen(): void;
  onEdit(): void;
  onTest(): void;
  onRemove(): void;
}

/**
 * The buttons of one rig: record/stop on all its cameras, its detail view, and setup. Record
 * and Stop are off with their `commands` reasons (see rigCommandReasons); with a
 * `disabledReason` (the app's core is not answering) setup is off too, saying why.
 */
export function RigActions({
  rigName,
  handlers,
  recording,
  commands,
  disabledReason = null,
}: {
  rigName: string;
  handlers: RigActionHandlers;
  recording: boolean;
  commands: RigCommandReasons;
  disabledReason?: string | null;
}) {
  const off = disabledReason !== null;
  const why = disabledReason ?? undefined;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        color="red"
        variant="light"
        onClick={handlers.onRecord}
        aria-label={`Record on ${rigName}`}
        disabled={commands.record !== null}
        title={commands.record ?? undefined}
      >
        Record
      </Button>
      <Button
        size="compact-sm"
        variant={recording && commands.stop === null ? 'filled' : 'default'}
        onClick={handlers.onStop}
        aria-label={`Stop ${rigName}`}
        disabled={commands.stop !== null}
        title={commands.stop ?? undefined}
      >
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
