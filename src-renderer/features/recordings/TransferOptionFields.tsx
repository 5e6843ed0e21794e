import { Checkbox, Group, NumberInput, Select, TextInput } from '@mantine/core';
import type { CopyDraft, ExportDraft, RecordDraft, TriState } from './transfer-options';

const triData = (yes: string, no: string) => [
  { value: 'default', label: 'Rig default' },
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];
const asTri = (v: string | null): TriState => (v === 'yes' || v === 'no' ? v : 'default');

export function CopyOptionFields({ value, onChange }: { value: CopyDraft; onChange(v: CopyDraft): void }) {
  return (
    <Group align="flex-end">
      <TextInput
        label="Copy to"
        description="A path on the rig; empty = the rig's configured location"
        value={value.location}
        onChange={(e) => onChange({ ...value, location: e.currentTarget.value })}
        w={320}
      />
      <Checkbox
        label="Move (delete the originals after a successful copy)"
        checked={value.move}
        onChange={(e) => onChange({ ...value, move: e.currentTarget.checked })}
      />
    </Group>
  );
}

export function ExportOptionFields({ value, onChange }: { value: ExportDraft; onChange(v: ExportDraft): void }) {
  return (
    <Group align="flex-end">
      <Select
        label="Export as"
        data={triData('Image store', 'MP4 video')}
        value={value.toStore}
        onChange={(v) => onChange({ ...value, toStore: asTri(v) })}
        allowDeselect={false}
        w={160}
      />
      <TextInput label="Export codec" description="Empty = rig default" value={value.codec} onChange={(e) => onChange({ ...value, codec: e.currentTarget.value })} w={160} />
      <TextInput label="Export path" description="Empty = rig default" value={value.path} onChange={(e) => onChange({ ...value, path: e.currentTarget.value })} w={240} />
      <Checkbox
        label="Delete originals after export"
        checked={value.deleteAfter}
        onChange={(e) => onChange({ ...value, deleteAfter: e.currentTarget.checked })}
      />
    </Group>
  );
}

export function RecordOptionFields({ value, onChange }: { value: RecordDraft; onChange(v: RecordDraft): void }) {
  return (
    <Group align="flex-end">
      <TextInput label="Codec" description="As named on the rig; empty = default" value={value.codec} onChange={(e) => onChange({ ...value, codec: e.currentTarget.value })} w={160} />
      <NumberInput
        label="Duration (seconds)"
        description="Empty = until stopped"
        min={1}
        value={value.durationSeconds}
        onChange={(v) => onChange({ ...value, durationSeconds: typeof v === 'number' ? v : '' })}
        w={160}
      />
      <TextInput label="File name" description="Without timestamp" value={value.filename} onChange={(e) => onChange({ ...value, filename: e.currentTarget.value })} w={200} />
      <Select
        label="Record to"
        data={triData('Image store', 'Video file')}
        value={value.recordToStore}
        onChange={(v) => onChange({ ...value, recordToStore: asTri(v) })}
        allowDeselect={false}
        w={160}
      />
    </Group>
  );
}
