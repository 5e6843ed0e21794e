import { Accordion, ActionIcon, Button, Group, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { fileNameProblem } from '../../../src-shared/file-name';
import { formatRigAddress } from '../../../src-shared/rig-identity';
import { splitPastedAddress, type RigFormValues, type TemplateRow } from './rig-form-model';
import { RecordToStoreControl } from '../../ui/RecordToStoreControl';
import { CodecField, DurationField, useCodecChoice } from '../recording/RecordingFields';

interface RigFormFieldsProps {
  values: RigFormValues;
  onChange(patch: Partial<RigFormValues>): void;
  /** Tags already used on other rigs, offered as suggestions. */
  knownTags: string[];
  /** Shown right under the address (the API key, when adding). */
  afterAddress?: ReactNode;
  /** Sentences about the name or address, shown at the field (e.g. another rig has it). */
  errors?: { name?: string; host?: string };
  /** The rig being edited (its codecs are offered); none while adding. */
  rigId?: string;
}

/** Name, address, tags, notes and the recording preset of one rig. */
export function RigFormFields({ values, onChange, knownTags, afterAddress, errors, rigId }: RigFormFieldsProps) {
  // Said once, so a pasted URL visibly became host and port rather than silently changing the port.
  const [splitFrom, setSplitFrom] = useState<string | null>(null);
  const takeAddress = (text: string): boolean => {
    const split = splitPastedAddress(text);
    if (!split) return false;
    onChange(split);
    setSplitFrom(`Read from "${text.trim()}": ${formatRigAddress(split.host, split.port)}`);
    return true;
  };
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        required
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        placeholder="Arena 1"
        error={errors?.name}
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput
          label="Host"
          required
          description={splitFrom ?? 'Name or IP address; a pasted URL (https://host:port/) fills in the port too'}
          value={values.host}
          onChange={(e) => {
            setSplitFrom(null);
            onChange({ host: e.currentTarget.value });
          }}
          onPaste={(e) => {
            if (takeAddress(e.clipboardData.getData('text'))) e.preventDefault();
          }}
          onBlur={(e) => takeAddress(e.currentTarget.value)}
          placeholder="10.11.12.23"
          error={errors?.host}
        />
        <NumberInput label="Port" description="Motif's API port" min={1} max={65535} allowDecimal={false} value={values.port} onChange={(v) => onChange({ port: typeof v === 'number' ? v : '' })} maw={140} />
      </Group>
      {afterAddress}
      <TagsInput label="Tags" description="For filtering and selecting rigs together" data={knownTags} value={values.tags} onChange={(tags) => onChange({ tags })} clearable />
      <Textarea label="Notes" autosize minRows={1} maxRows={4} value={values.notes} onChange={(e) => onChange({ notes: e.currentTarget.value })} />
      <PresetFields values={values} onChange={onChange} rigId={rigId} />
    </Stack>
  );
}

function PresetFields({ values, onChange, rigId }: Pick<RigFormFieldsProps, 'values' | 'onChange' | 'rigId'>) {
  // The rig's own codecs once it reports them (editing); a rig being added is not read yet.
  const targets = useMemo(() => (rigId === undefined ? [] : [{ rigId }]), [rigId]);
  const codecs = useCodecChoice(targets);
  return (
    <Accordion variant="contained">
      <Accordion.Item value="preset">
        <Accordion.Control>Default recording preset</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <SimpleGrid cols={2}>
              <CodecField value={values.codec} onChange={(codec) => onChange({ codec })} choice={codecs} />
              <DurationField value={values.duration} onChange={(duration) => onChange({ duration })} />
            </SimpleGrid>
            <TextInput
              label="File name"
              description="Motif adds the date and time of the start itself"
              value={values.filenamePattern}
              onChange={(e) => onChange({ filenamePattern: e.currentTarget.value })}
              error={fileNameProblem(values.filenamePattern)}
            />
            <RecordToStoreControl value={values.recordToStore} onChange={(recordToStore) => onChange({ recordToStore })} />
            <TemplateRows rows={values.metadataTemplate} onChange={(metadataTemplate) => onChange({ metadataTemplate })} />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function TemplateRows({ rows, onChange }: { rows: TemplateRow[]; onChange(rows: TemplateRow[]): void }) {
  const set = (i: number, patch: Partial<TemplateRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Metadata template
      </Text>
      {rows.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput size="xs" aria-label={`Template key ${i + 1}`} placeholder="key" value={row.key} onChange={(e) => set(i, { key: e.currentTarget.value })} />
          <TextInput size="xs" aria-label={`Template value ${i + 1}`} placeholder="value" value={row.value} onChange={(e) => set(i, { value: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" aria-label={`Remove template row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" onClick={() => onChange([...rows, { key: '', value: '' }])} w="fit-content">
        Add metadata field
      </Button>
    </Stack>
  );
}
