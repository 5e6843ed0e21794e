import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Protocol } from '../../../src-main/core/protocols/model';
import type { DraftErrors } from './draft-errors';

interface Row {
  name: string;
  description: string;
  default: string;
}
type Parameters = Protocol['parameters'];

const rowsOf = (p: Parameters): Row[] => Object.entries(p).map(([name, v]) => ({ name, description: v.description ?? '', default: v.default ?? '' }));
function parametersOf(rows: Row[]): Parameters {
  return Object.fromEntries(
    rows.filter((r) => r.name !== '').map((r) => [r.name, { ...(r.description ? { description: r.description } : {}), ...(r.default ? { default: r.default } : {}) }]),
  );
}

/** Per-rig parameters: what each rig fills in (an output's name, an animal ID), used in the protocol as {{name}}. */
export function ParameterFields({ value, onChange, errors }: { value: Parameters; onChange(p: Parameters): void; errors: DraftErrors }) {
  // Rows are kept here so a half-typed or repeated name is not lost while the model is keyed by name.
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(parametersOf(next));
  };
  const twice = rows.find((r, i) => r.name !== '' && rows.findIndex((o) => o.name === r.name) !== i)?.name;
  return (
    <Stack gap="xs">
      {rows.map((r, i) => (
        <Group key={i} gap="xs" align="flex-start">
          <TextInput
            label={`Parameter ${i + 1} name`}
            value={r.name}
            onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
            error={r.name === '' ? undefined : errors.at(['parameters', r.name])}
          />
          <TextInput label="Default" value={r.default} onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, default: e.currentTarget.value } : x)))} />
          <TextInput label="Description" w={280} value={r.description} onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, description: e.currentTarget.value } : x)))} />
          <ActionIcon mt={26} variant="subtle" color="gray" aria-label={`Remove parameter ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      {twice !== undefined && (
        <Text size="sm" c="red">
          Parameter "{twice}" is named twice: give each its own name.
        </Text>
      )}
      <Group>
        <Button size="xs" variant="default" onClick={() => update([...rows, { name: '', description: '', default: '' }])}>
          Add parameter
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Write {'{{name}}'} in an output name, codec, file name or metadata to use a parameter; each rig can fill it in when applying.
      </Text>
    </Stack>
  );
}
