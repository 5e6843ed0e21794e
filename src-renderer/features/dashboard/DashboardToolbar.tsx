import { Button, Group, MultiSelect, SegmentedControl, Select, TextInput, Title } from '@mantine/core';
import type { DashboardLayout } from './dashboard-view';
import type { SortOrder } from './fleet-model';

const SORTS: { value: SortOrder; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'state', label: 'State (problems first)' },
];

interface DashboardToolbarProps {
  search: string;
  onSearch(search: string): void;
  sort: SortOrder;
  onSort(sort: SortOrder): void;
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

/** The dashboard's heading line: search, filter, order, layout and rig-list actions. */
export function DashboardToolbar(props: DashboardToolbarProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Group align="flex-end" gap="md">
        <Title order={2} size="h3">
          Rigs
        </Title>
        <TextInput
          size="xs"
          label="Search"
          placeholder="name or tag"
          type="search"
          value={props.search}
          onChange={(e) => props.onSearch(e.currentTarget.value)}
          w={180}
        />
        {props.tags.length > 0 && (
          <MultiSelect
            size="xs"
            label="Filter by tag"
            placeholder={props.tagFilter.length ? undefined : 'all rigs'}
            data={props.tags}
            value={props.tagFilter}
            onChange={props.onTagFilter}
            clearable
            w={200}
          />
        )}
        <Select
          size="xs"
          label="Sort by"
          data={SORTS}
          value={props.sort}
          onChange={(v) => {
            const picked = SORTS.find((o) => o.value === v);
            if (picked) props.onSort(picked.value);
          }}
          allowDeselect={false}
          w={190}
        />
        <SegmentedControl
          size="xs"
          aria-label="Layout"
          value={props.layout}
          onChange={(v) => props.onLayout(v as DashboardLayout)}
          data={[
            { value: 'cards', label: 'Cards' },
            { value: 'rows', label: 'Rows' },
            { value: 'dense', label: 'Dense' },
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
