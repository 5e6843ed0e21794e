import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import { CodecField, DurationField } from '../recording/RecordingFields';
import type { CodecChoice } from '../recording/record-form-model';
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

/** `codecs`: the codecs of the rigs the recording is for, as the Record dialog offers them. */
export function RecordOptionFields({ value, onChange, codecs }: { value: RecordDraft; onChange(v: RecordDraft): void; codecs: CodecChoice & { suggestions: string[] } }) {
  return (
    <Group align="flex-start">
      <CodecField value={value.codec} onChange={(codec) => onChange({ ...value, codec })} choice={codecs} w={200} />
      <DurationField value={value.duration} onChange={(duration) => onChange({ ...value, duration })} w={220} />
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
