import { Checkbox, Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { WallClockDo } from '../../../src-main/core/protocols/model';
import { numberOf, shown, type DraftErrors, type Path } from './draft-errors';

type Kind = WallClockDo['kind'];
const KIND_LABELS: Record<Kind, string> = { output: 'Set an output', configure: 'Set a camera parameter', copy: 'Copy recordings', export: 'Export recordings' };
const FRESH: Record<Kind, WallClockDo> = {
  output: { kind: 'output', output: '', value: 'toggle-start-high' },
  configure: { kind: 'configure', parameter: '', value: '' },
  copy: { kind: 'copy' },
  export: { kind: 'export' },
};

type OutputRule = 'on' | 'off' | 'toggle-start-high' | 'toggle-start-low' | 'value';
const RULES: { value: OutputRule; label: string }[] = [
  { value: 'on', label: 'On (1)' },
  { value: 'off', label: 'Off (0)' },
  { value: 'toggle-start-high', label: 'Toggle (starting high)' },
  { value: 'toggle-start-low', label: 'Toggle (starting low)' },
  { value: 'value', label: 'Value…' },
];
const ruleOf = (v: number | string): OutputRule => (v === 1 ? 'on' : v === 0 ? 'off' : v === 'toggle-start-high' || v === 'toggle-start-low' ? v : 'value');

/** Typed text of a camera parameter: numbers and true/false go to the rig as such, anything else as text. */
function parameterValue(text: string): number | string | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** What an action does; `kinds` limits it (actions during a recording only set outputs and camera parameters). */
export function DoFields({
  value,
  onChange: change,
  kinds,
  path,
  errors,
}: {
  value: WallClockDo;
  onChange(d: WallClockDo): void;
  kinds: readonly Kind[];
  path: Path;
  errors: DraftErrors;
}) {
  return (
    <Group gap="xs" align="flex-start">
      <Select
        label="Do"
        w={200}
        data={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(k) => {
          const kind = kinds.find((x) => x === k);
          if (kind) change(FRESH[kind]);
        }}
      />
      {value.kind === 'output' && (
        <>
          <TextInput label="Output" w={150} value={value.output} onChange={(e) => change({ ...value, output: e.currentTarget.value })} error={errors.at([...path, 'output'])} />
          <Select
            label="To"
            w={200}
            data={RULES}
            value={ruleOf(value.value)}
            allowDeselect={false}
            onChange={(r) => change({ ...value, value: r === 'on' ? 1 : r === 'off' ? 0 : r === 'toggle-start-high' || r === 'toggle-start-low' ? r : 0.5 })}
          />
          {ruleOf(value.value) === 'value' && typeof value.value === 'number' && (
            <NumberInput label="Value" w={110} value={shown(value.value)} onChange={(v) => change({ ...value, value: numberOf(v) })} error={errors.at([...path, 'value'])} />
          )}
        </>
      )}
      {value.kind === 'configure' && (
        <>
          <TextInput label="Parameter" w={180} value={value.parameter} onChange={(e) => change({ ...value, parameter: e.currentTarget.value })} error={errors.at([...path, 'parameter'])} />
          <TextInput
            label="Value"
            description="numbers and true/false are sent as such"
            w={180}
            value={String(value.value)}
            onChange={(e) => change({ ...value, value: parameterValue(e.currentTarget.value) })}
            error={errors.at([...path, 'value'])}
          />
        </>
      )}
      {value.kind === 'copy' && (
        <>
          <TextInput
            label="To location"
            description="empty: the rig's configured one"
            w={240}
            value={value.location ?? ''}
            onChange={(e) => change(withOptional({ ...value }, 'location', e.currentTarget.value))}
            error={errors.at([...path, 'location'])}
          />
          <Checkbox mt={28} label="Delete after copying" checked={value.deleteAfter ?? false} onChange={(e) => change({ ...value, deleteAfter: e.currentTarget.checked })} />
        </>
      )}
      {value.kind === 'export' && (
        <>
          <TextInput label="To path" w={220} value={value.path ?? ''} onChange={(e) => change(withOptional({ ...value }, 'path', e.currentTarget.value))} />
          <TextInput label="Codec" w={120} value={value.codec ?? ''} onChange={(e) => change(withOptional({ ...value }, 'codec', e.currentTarget.value))} />
          <Checkbox mt={28} label="Delete after exporting" checked={value.deleteAfter ?? false} onChange={(e) => change({ ...value, deleteAfter: e.currentTarget.checked })} />
        </>
      )}
      {errors.at(path) && (
        <Text size="sm" c="red" mt={28}>
          {errors.at(path)}
        </Text>
      )}
    </Group>
  );
}

/** An optional text field left empty is absent from the model, not "". */
export function withOptional<O extends object, K extends keyof O & string>(o: O, k: K, text: string): O {
  const next = { ...o, [k]: text };
  if (text === '') delete next[k];
  return next;
}

/** The object with `k` set, or without it when undefined (an empty optional list or text is absent from the model). */
export function withValue<O extends object, K extends keyof O>(o: O, k: K, v: O[K] | undefined): O {
  const next = { ...o };
  if (v === undefined) delete next[k];
  else next[k] = v;
  return next;
}
