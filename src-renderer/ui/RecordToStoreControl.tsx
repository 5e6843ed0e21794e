import { SegmentedControl, Text } from '@mantine/core';
import { useId } from 'react';
import type { RecordToStoreChoice } from './record-to-store';

export function RecordToStoreControl({ value, onChange }: { value: RecordToStoreChoice; onChange(value: RecordToStoreChoice): void }) {
  const labelId = useId();
  return (
    <div>
      <Text size="sm" fw={500} id={labelId}>
        Record to store
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby={labelId}
        value={value}
        onChange={(v) => onChange(v as RecordToStoreChoice)}
        data={[
          { value: 'default', label: "Rig's default" },
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
    </div>
  );
}
