import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Result } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { TargetOutcome } from '../../../src-main/contract/requests/targets';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ActionResult } from '../../ui/ActionResult';
import { copyOptions, emptyCopy, emptyExport, exportOptions } from './transfer-options';
import { CopyOptionFields, ExportOptionFields } from './TransferOptionFields';

/** "Copy all" (or move, after a confirmation): only recordings not yet copied are copied. */
export function CopyForm({ onCopy }: { onCopy(options: Args<'recordings.copy'>['options']): Promise<Result<TargetOutcome[]>> }) {
  const [draft, setDraft] = useState(emptyCopy);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const run = async () => {
    setAsking(false);
    setResult(await onCopy(copyOptions(draft)));
  };
  return (
    <Stack gap="sm">
      <CopyOptionFields value={draft} onChange={setDraft} />
      <Group>
        <Button onClick={() => (draft.move ? setAsking(true) : void run())}>{draft.move ? 'Move recordings' : 'Copy recordings'}</Button>
      </Group>
      <ActionResult result={result} doneText={draft.move ? 'move started' : 'copy started'} />
      <ConfirmDialog
        opened={asking}
        title="Move recordings?"
        message="The originals on the rig are deleted after a successful copy."
        confirmLabel="Move"
        onCancel={() => setAsking(false)}
        onConfirm={() => void run()}
      />
    </Stack>
  );
}

/** Export image stores to videos (or stores), with the rig's options. */
export function ExportForm({ onExport }: { onExport(options: Args<'recordings.export'>['options']): Promise<Result<TargetOutcome[]>> }) {
  const [draft, setDraft] = useState(emptyExport);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<Result<TargetOutcome[]> | null>(null);
  const run = async () => {
    setAsking(false);
    setResult(await onExport(exportOptions(draft)));
  };
  return (
    <Stack gap="sm">
      <ExportOptionFields value={draft} onChange={setDraft} />
      <Group>
        <Button onClick={() => (draft.deleteAfter ? setAsking(true) : void run())}>Export recordings</Button>
      </Group>
      <ActionResult result={result} doneText="export started" />
      <ConfirmDialog
        opened={asking}
        title="Export and delete?"
        message="The original recordings on the rig are deleted after a successful export."
        confirmLabel="Export and delete"
        onCancel={() => setAsking(false)}
        onConfirm={() => void run()}
      />
    </Stack>
  );
}
