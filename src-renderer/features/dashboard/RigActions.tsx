import { Button, Group, Menu } from '@mantine/core';
import { memo, useState } from 'react';

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
 * Only Stop follows the recording state: when a fleet starts recording, each row redraws
 * one button, not four and a menu.
 */
export const RigActions = memo(function RigActions({
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
  const why = disabledReason ?? undefined;
  return (
    <Group gap="xs" wrap="nowrap">
      <RecordButton rigName={rigName} onRecord={handlers.onRecord} why={why} />
      <Button size="compact-sm" variant={recording ? 'filled' : 'default'} onClick={handlers.onStop} aria-label={`Stop ${rigName}`} disabled={why !== undefined} title={why}>
        Stop
      </Button>
      <MoreActions rigName={rigName} handlers={handlers} why={why} />
    </Group>
  );
});

const RecordButton = memo(function RecordButton({ rigName, onRecord, why }: { rigName: string; onRecord(): void; why: string | undefined }) {
  return (
    <Button size="compact-sm" color="red" variant="light" onClick={onRecord} aria-label={`Record on ${rigName}`} disabled={why !== undefined} title={why}>
      Record
    </Button>
  );
});

/** Details, and a menu made when first opened (a closed menu per row costs every redraw of a long list). */
const MoreActions = memo(function MoreActions({ rigName, handlers, why }: { rigName: string; handlers: RigActionHandlers; why: string | undefined }) {
  const [menuMade, setMenuMade] = useState(false);
  const more = (
    <Button size="compact-sm" variant="subtle" aria-label={`More actions for ${rigName}`} disabled={why !== undefined} title={why} onClick={menuMade ? undefined : () => setMenuMade(true)}>
      ⋯
    </Button>
  );
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={handlers.onOpen} aria-label={`Open ${rigName}`}>
        Details
      </Button>
      {menuMade ? (
        <Menu position="bottom-end" withinPortal defaultOpened>
          <Menu.Target>{more}</Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={handlers.onEdit}>Edit rig…</Menu.Item>
            <Menu.Item onClick={handlers.onTest}>Test connection</Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={handlers.onRemove}>
              Remove rig…
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : (
        more
      )}
    </>
  );
});
