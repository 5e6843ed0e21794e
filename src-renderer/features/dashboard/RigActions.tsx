import { Button, Group, Menu } from '@mantine/core';
import { memo, useState } from 'react';
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
 * Only Stop follows the recording state: when a fleet starts recording, each row redraws
 * one button, not four and a menu.
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
  return (
    <Group gap="xs" wrap="nowrap">
      <RecordButton rigName={rigName} onRecord={handlers.onRecord} reason={commands.record} />
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
      <MoreActions rigName={rigName} handlers={handlers} why={disabledReason ?? undefined} />
    </Group>
  );
}

const RecordButton = memo(function RecordButton({ rigName, onRecord, reason }: { rigName: string; onRecord(): void; reason: string | null }) {
  return (
    <Button size="compact-sm" color="red" variant="light" onClick={onRecord} aria-label={`Record on ${rigName}`} disabled={reason !== null} title={reason ?? undefined}>
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
