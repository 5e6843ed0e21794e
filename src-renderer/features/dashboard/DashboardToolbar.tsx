import { Button, Group, MultiSelect, SegmentedControl, Title } from '@mantine/core';

export type DashboardLayout = 'cards' | 'rows';

interface DashboardToolbarProps {
  tags: string[];
  tagFilter: string[];
  onTagFilter(tags: string[]): void;
  layout: DashboardLayout;
  onLayout(layout: DashboardLayout): void;
  onAddRig(): void;
  onImport(): void;
  onExport(): void;
  onRefresh(): void;
}

/** The dashboard's heading line: filter, layout and rig-list actions. */
export function DashboardToolbar(props: DashboardToolbarProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Group align="flex-end" gap="md">
        <Title order={2} size="h3">
          Rigs
        </Title>
        {props.tags.length > 0 && (
          <MultiSelect
            size="xs"
            label="Filter by tag"
            placeholder={props.tagFilter.length ? undefined : 'all rigs'}
            data={props.tags}
            value={props.tagFilter}
            onChange={props.onTagFilter}
            clearable
            w={240}
          />
        )}
        <SegmentedControl
          size="xs"
          aria-label="Layout"
          value={props.layout}
          onChange={(v) => props.onLayout(v as DashboardLayout)}
          data={[
            { value: 'cards', label: 'Cards' },
            { value: 'rows', label: 'Rows' },
          ]}
        />
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={props.onRefresh}>
          Refresh
        </Button>
        <Button size="xs" variant="default" onClick={props.onImport}>
          Import…
        </Button>
        <Button size="xs" variant="default" onClick={props.onExport}>
          Export
        </Button>
        <Button size="xs" onClick={props.onAddRig}>
          Add rig…
        </Button>
      </Group>
    </Group>
  );
}
