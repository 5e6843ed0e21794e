import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { SHORTCUTS } from './shortcuts';

/** `?`: the shortcuts table, as it is. */
export function ShortcutsList({ onClose }: { onClose(): void }) {
  return (
    <Modal opened onClose={onClose} title="Keyboard shortcuts">
      <Table aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {Object.entries(SHORTCUTS).map(([id, s]) => (
            <Table.Tr key={id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k, i) => (
                    <Group key={k} gap={4} wrap="nowrap">
                      {i > 0 && <Text size="xs">or</Text>}
                      <Kbd>{k}</Kbd>
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.does}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {s.where}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
