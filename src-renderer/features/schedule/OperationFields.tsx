import { Autocomplete, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { COMMON_PARAMETERS } from '../cameras/camera-parameters';
import type { CodecChoice } from '../recording/record-form-model';
import { CopyOptionFields, ExportOptionFields, RecordOptionFields } from '../recordings/TransferOptionFields';
import { OPERATION_LABELS, type OperationDraft, type OperationKind, type OutputMode } from './operation-draft';

const ALL_KINDS = Object.keys(OPERATION_LABELS) as OperationKind[];
const OUTPUT_MODES: { value: OutputMode; label: string }[] = [
  { value: 'toggle-start-high', label: 'Toggle, start high' },
  { value: 'toggle-start-low', label: 'Toggle, start low' },
  { value: 'on', label: 'On (1)' },
  { value: 'off', label: 'Off (0)' },
  { value: 'value', label: 'A value' },
];

/** The operation a task runs (one of `kinds`; no choice shown for one), with that operation's own options. */
export function OperationFields({
  value,
  onChange,
  outputSuggestions,
  codecs,
  kinds = ALL_KINDS,
}: {
  value: OperationDraft;
  onChange(draft: OperationDraft): void;
  outputSuggestions: string[];
  /** The codecs of the rigs the task goes to, for a recording. */
  codecs: CodecChoice & { suggestions: string[] };
  kinds?: readonly OperationKind[];
}) {
  const patch = (p: Partial<OperationDraft>) => onChange({ ...value, ...p });
  return (
    <>
      {kinds.length > 1 && (
        <Select
          label="Operation"
          data={kinds.map((kind) => ({ value: kind, label: OPERATION_LABELS[kind] }))}
          value={value.kind}
          onChange={(v) => v && patch({ kind: v as OperationKind })}
          allowDeselect={false}
          w={280}
        />
      )}
      {value.kind === 'recording.start' && <RecordOptionFields value={value.record} onChange={(record) => patch({ record })} codecs={codecs} />}
      {value.kind === 'recordings.copy' && <CopyOptionFields value={value.copy} onChange={(copy) => patch({ copy })} />}
      {value.kind === 'recordings.export' && <ExportOptionFields value={value.export} onChange={(e) => patch({ export: e })} />}
      {value.kind === 'cameras.configure' && (
        <Group align="flex-end">
          <Autocomplete
            label="Parameter"
            data={COMMON_PARAMETERS.map((p) => p.name)}
            value={value.paramName}
            onChange={(paramName) => patch({ paramName })}
            w={240}
          />
          <TextInput label="New value" value={value.paramValue} onChange={(e) => patch({ paramValue: e.currentTarget.value })} w={160} />
        </Group>
      )}
      {value.kind === 'outputs.set' && (
        <Group align="flex-end">
          <Autocomplete label="Output" data={outputSuggestions} value={value.outputName} onChange={(outputName) => patch({ outputName })} w={200} />
          <Select
            label="Set to"
            data={OUTPUT_MODES}
            value={value.outputMode}
            onChange={(v) => v && patch({ outputMode: v as OutputMode })}
            allowDeselect={false}
            w={200}
          />
          {value.outputMode === 'value' && (
            <NumberInput
              label="Output value"
              value={value.outputValue}
              onChange={(v) => patch({ outputValue: typeof v === 'number' ? v : 0 })}
              decimalScale={3}
              w={140}
            />
          )}
        </Group>
      )}
    </>
  );
}
