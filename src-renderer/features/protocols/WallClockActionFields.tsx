import { Button, Group, Paper, Stack, TagsInput, Title } from '@mantine/core';
import type { WallClockAction } from '../../../src-main/core/protocols/model';
import { DoFields, withValue } from './DoFields';
import type { DraftErrors, Path } from './draft-errors';
import { WhenFields } from './WhenFields';

/** An action at wall-clock times: copy, export, set an output or configure (e.g. day/night settings). */
export function WallClockActionFields({ index, value, onChange, onRemove, errors }: { index: number; value: WallClockAction; onChange(a: WallClockAction): void; onRemove(): void; errors: DraftErrors }) {
  const path: Path = ['actions', index];
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Timed action ${index + 1}`}>
      <Group justify="space-between" mb={4}>
        <Title order={4} size="h6">
          Timed action {index + 1}
        </Title>
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
          Remove timed action {index + 1}
        </Button>
      </Group>
      <Stack gap="xs">
        <WhenFields label={`Timed action ${index + 1} runs`} value={value.when} onChange={(when) => onChange({ ...value, when })} path={[...path, 'when']} errors={errors} />
        <DoFields value={value.do} kinds={['copy', 'export', 'output', 'configure']} onChange={(d) => onChange({ ...value, do: d })} path={[...path, 'do']} errors={errors} />
        <TagsInput
          label="Cameras"
          description="serials; empty: all cameras"
          w={260}
          value={value.cameras ?? []}
          onChange={(cameras) => onChange(withValue(value, 'cameras', cameras.length === 0 ? undefined : cameras))}
        />
      </Stack>
    </Paper>
  );
}
