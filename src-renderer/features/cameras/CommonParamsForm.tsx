import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Res } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { ErrorNote } from '../../ui/ErrorNote';
import { ActionResult } from '../../ui/ActionResult';
import { COMMON_PARAMETERS } from './camera-parameters';
import { commonValue, readingFor, showValue } from './param-values';

type Draft = Record<string, number | ''>;

/**
 * The usual parameters as fields: read them from the camera(s), change some, apply only those.
 * `readOnOpen`: read once when shown (the live view: the fields say what the picture is taken
 * with); `compact`: one narrow column beside a picture.
 */
export function CommonParamsForm({
  onRead,
  onApply,
  readOnOpen = false,
  compact = false,
}: {
  onRead(names: string[]): Promise<Result<Res<'cameras.read'>>>;
  onApply(params: Record<string, number>): Promise<Result<TargetOutcome[]>>;
  readOnOpen?: boolean;
  compact?: boolean;
}) {
  const [draft, setDraft] = useState<Draft>({});
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [readResult, setReadResult] = useState<Result<Res<'cameras.read'>> | null>(null);
  const [applyResult, setApplyResult] = useState<Result<TargetOutcome[]> | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async () => {
    setBusy(true);
    const r = await onRead(COMMON_PARAMETERS.map((p) => p.name));
    setReadResult(r);
    if (r.ok) {
      const next: Draft = {};
      for (const p of COMMON_PARAMETERS) {
        const v = commonValue(readingFor(r.value, p.name));
        next[p.name] = typeof v === 'number' ? v : '';
      }
      setDraft(next);
      setEdited(new Set());
    }
    setBusy(false);
  };
  // Once per form: a new camera is a new form (its key), read again.
  const readOnce = useRef(read);
  useEffect(() => {
    if (readOnOpen) void readOnce.current();
  }, [readOnOpen]);
  const apply = async () => {
    const params: Record<string, number> = {};
    for (const name of edited) {
      const v = draft[name];
      if (typeof v === 'number') params[name] = v;
    }
    setBusy(true);
    setApplyResult(await onApply(params));
    setEdited(new Set());
    setBusy(false);
  };
  const changes = [...edited].filter((n) => typeof draft[n] === 'number');

  return (
    <Stack gap="sm">
      <SimpleGrid cols={compact ? 1 : { base: 2, md: 3 }} spacing={compact ? 4 : 'sm'} verticalSpacing={compact ? 4 : 'sm'}>
        {COMMON_PARAMETERS.map((p) => {
          const reading = readResult?.ok ? readingFor(readResult.value, p.name) : undefined;
          const perCamera = reading && Object.keys(reading).length > 1 && commonValue(reading) === undefined;
          return (
            <NumberInput
              key={p.name}
              size={compact ? 'xs' : 'sm'}
              label={p.label}
              value={draft[p.name] ?? ''}
              onChange={(v) => {
                setDraft({ ...draft, [p.name]: typeof v === 'number' ? v : '' });
                setEdited(new Set(edited).add(p.name));
              }}
              description={
                perCamera
                  ? Object.entries(reading)
                      .map(([serial, v]) => `${serial}: ${showValue(v)}`)
                      .join(', ')
                  : edited.has(p.name)
                    ? 'changed, not applied yet'
                    : undefined
              }
            />
          );
        })}
      </SimpleGrid>
      <Group gap="xs">
        <Button variant="default" size={compact ? 'xs' : 'sm'} onClick={() => void read()} loading={busy}>
          {compact ? 'Read again' : 'Read current values'}
        </Button>
        <Button size={compact ? 'xs' : 'sm'} onClick={() => void apply()} disabled={changes.length === 0 || busy}>
          {changes.length === 0 ? 'Apply changes' : `Apply ${changes.length} change${changes.length > 1 ? 's' : ''}`}
        </Button>
        {changes.length > 0 && (
          <Text size="sm" c="dimmed">
            {changes.map((n) => `${n} = ${draft[n]}`).join(', ')}
          </Text>
        )}
      </Group>
      {readResult && !readResult.ok && <ErrorNote error={readResult.error} />}
      <ActionResult result={applyResult} doneText="applied" />
    </Stack>
  );
}
