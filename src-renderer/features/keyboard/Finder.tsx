import { Badge, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/use-app-store';
import { findItems, finderItems, type FinderItem } from './finder-items';
import { SHORTCUTS } from './shortcuts';

/** Ctrl+K: type part of a rig's name, tag or host, or of a command; arrows choose, Enter runs. */
export function Finder({ onClose }: { onClose(): void }) {
  const rigs = useAppStore((s) => s.rigs);
  const navigate = useAppStore((s) => s.navigate);
  const openDialog = useAppStore((s) => s.openDialog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = useMemo(() => finderItems(rigs), [rigs]);
  const matches = findItems(items, query);
  const chosen = Math.min(active, Math.max(0, matches.length - 1));

  const run = (item: FinderItem | undefined) => {
    if (!item) return;
    onClose();
    if (item.action.kind === 'view') navigate(item.action.view);
    else openDialog(item.action.dialog);
  };
  const move = (by: number) => setActive(matches.length === 0 ? 0 : (chosen + by + matches.length) % matches.length);

  return (
    <Modal opened onClose={onClose} title="Find a rig or a command" size="lg">
      <Stack gap="xs">
        <TextInput
          aria-label="Find"
          placeholder="Rig name, tag or host; or a command such as Add rig"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={getHotkeyHandler([
            [SHORTCUTS.finderNext.hotkey, () => move(1)],
            [SHORTCUTS.finderPrevious.hotkey, () => move(-1)],
            [SHORTCUTS.finderRun.hotkey, () => run(matches[chosen])],
          ])}
          role="combobox"
          aria-expanded
          aria-controls="finder-matches"
          aria-activedescendant={matches[chosen] ? `finder-${matches[chosen].id}` : undefined}
          data-autofocus
        />
        {matches.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing matches “{query.trim()}”.
          </Text>
        ) : (
          <Stack gap={2} role="listbox" id="finder-matches" aria-label="Matches">
            {matches.map((m, i) => (
              <UnstyledButton
                key={m.id}
                id={`finder-${m.id}`}
                role="option"
                aria-selected={i === chosen}
                onClick={() => run(m)}
                onMouseEnter={() => setActive(i)}
                px="xs"
                py={4}
                bg={i === chosen ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                tabIndex={-1}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">{m.label}</Text>
                  <Group gap={6} wrap="nowrap">
                    {m.hint && (
                      <Text size="xs" c="dimmed" truncate>
                        {m.hint}
                      </Text>
                    )}
                    <Badge size="xs" variant="light" color={m.group === 'Rigs' ? 'blue' : 'gray'}>
                      {m.group === 'Rigs' ? 'rig' : 'command'}
                    </Badge>
                  </Group>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
