import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';

export interface KeyValueRow {
  key: string;
  value: string;
}

/** Rows of name = value, with add and remove; values stay text until the caller parses them. */
export function KeyValueEditor({
  rows,
  onChange,
  keyLabel = 'Name',
  valueLabel = 'Value',
}: {
  rows: KeyValueRow[];
  onChange(rows: KeyValueRow[]): void;
  keyLabel?: string;
  valueLabel?: string;
}) {
  const update = (i: number, patch: Partial<KeyValueRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      {rows.map((row, i) => (
        <Group key={i} gap="xs" align="flex-end">
          <TextInput label={`${keyLabel} ${i + 1}`} value={row.key} onChange={(e) => update(i, { key: e.currentTarget.value })} />
          <TextInput label={`${valueLabel} ${i + 1}`} value={row.value} onChange={(e) => update(i, { value: e.currentTarget.value })} />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove row ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, { key: '', value: '' }])}>
          Add row
        </Button>
      </Group>
    </Stack>
  );
}

