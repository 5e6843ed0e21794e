import { Table, Text } from '@mantine/core';
import type { JsonValue } from '../../src-main/contract/requests/targets';

/** {a: {b: 1}} -> [["a.b", "1"]]: a rig's nested answer as rows a person can scan. */
export function flattenValues(value: JsonValue, prefix = ''): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return prefix ? [[prefix, '{}']] : [];
    return entries.flatMap(([k, v]) => flattenValues(v, prefix ? `${prefix}.${k}` : k));
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [[prefix || 'value', text]];
}

/** A name/value table of a rig's answer; empty answers say so. */
export function ValueTable({ values, label, nameHeader = 'Name' }: { values: JsonValue; label: string; nameHeader?: string }) {
  const rows = flattenValues(values);
  if (rows.length === 0) return <Text size="sm" c="dimmed">The rig reported nothing.</Text>;
  return (
    <Table aria-label={label} striped withTableBorder maw={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{nameHeader}</Table.Th>
          <Table.Th>Value</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Td>{name}</Table.Td>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
