import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { metadataRowProblem, type MetadataRow, type MetadataType } from './record-form-model';

const types: { value: MetadataType; label: string }[] = [
  { value: 'text', label: 'text' },
  { value: 'number', label: 'number' },
  { value: 'boolean', label: 'true/false' },
];

/** Key/value rows with a type each, saved into the video's metadata. */
export function MetadataEditor({ rows, onChange }: { rows: MetadataRow[]; onChange(rows: MetadataRow[]): void }) {
  const set = (i: number, patch: Partial<MetadataRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={6} role="group" aria-label="Metadata">
      <Text size="sm" fw={500}>
        Metadata
      </Text>
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          None. Metadata is saved in the video (e.g. animal, condition, experimenter).
        </Text>
      )}
      {rows.map((row, i) => {
        const problem = metadataRowProblem(row, i, rows);
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput size="xs" aria-label={`Metadata name ${i + 1}`} placeholder="name" value={row.key} onChange={(e) => set(i, { key: e.currentTarget.value })} error={problem && row.key.trim() === '' ? problem : undefined} />
            <Select
              size="xs"
              w={120}
              aria-label={`Metadata type ${i + 1}`}
              data={types}
              value={row.type}
              allowDeselect={false}
              onChange={(t) => set(i, { type: (t ?? 'text') as MetadataType, value: t === 'boolean' ? 'true' : row.value })}
            />
            {row.type === 'boolean' ? (
              <Select size="xs" w={160} aria-label={`Metadata value ${i + 1}`} data={['true', 'false']} value={row.value} allowDeselect={false} onChange={(v) => set(i, { value: v ?? 'true' })} />
            ) : (
              <TextInput
                size="xs"
                aria-label={`Metadata value ${i + 1}`}
                placeholder="value"
                inputMode={row.type === 'number' ? 'decimal' : undefined}
                value={row.value}
                onChange={(e) => set(i, { value: e.currentTarget.value })}
                error={problem && row.key.trim() !== '' ? problem : undefined}
              />
            )}
            <ActionIcon variant="subtle" color="red" aria-label={`Remove metadata row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} mt={4}>
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      <Button size="compact-xs" variant="subtle" w="fit-content" onClick={() => onChange([...rows, { key: '', type: 'text', value: '' }])}>
        Add metadata field
      </Button>
    </Stack>
  );
}
