import { Button, FileButton, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { RigImportReport } from '../../../src-main/contract/requests/rigs';
import { useAppStore } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';

/** Paste or load an exported rig list, preview what changes, then import (adds and updates by name). */
export function ImportRigsDialog({ onClose }: { onClose(): void }) {
  const rigRequest = useAppStore((s) => s.rigRequest);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<RigImportReport | null>(null);
  const [error, setError] = useState<MotifError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setError(null);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (e) {
      return setError({ code: 'invalid-args', message: `This is not JSON: ${e instanceof Error ? e.message : String(e)}` });
    }
    setBusy(true);
    const r = await rigRequest('rigs.import', { document, dryRun });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (dryRun) return setPreview(r.value);
    notifications.show({ color: 'teal', title: 'Rigs imported', message: `${r.value.added.length} added, ${r.value.updated.length} updated, ${r.value.skipped.length} skipped. Enter each rig's API key under “Edit rig…”.` });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title="Import rigs" size="lg">
      <Stack>
        <Text size="sm">A rig list exported from Motif Control (JSON). Rigs are matched by name; none is removed. API keys are not part of it.</Text>
        <Group>
          <FileButton accept="application/json,.json" onChange={(file) => void file?.text().then((t) => { setText(t); setPreview(null); })}>
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                Open file…
              </Button>
            )}
          </FileButton>
        </Group>
        <Textarea label="Rig list (JSON)" autosize minRows={6} maxRows={14} value={text} onChange={(e) => { setText(e.currentTarget.value); setPreview(null); }} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
        {preview && <ImportPreview report={preview} />}
        {error && <ErrorNote error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {preview ? (
            <Button loading={busy} onClick={() => void run(false)} disabled={preview.added.length + preview.updated.length === 0}>
              Import
            </Button>
          ) : (
            <Button loading={busy} onClick={() => void run(true)} disabled={text.trim() === ''}>
              Preview
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportPreview({ report }: { report: RigImportReport }) {
  return (
    <Stack gap={4} aria-label="Import preview">
      <Text size="sm" fw={500}>
        {report.added.length} to add, {report.updated.length} to update, {report.skipped.length} skipped
      </Text>
      <List size="sm">
        {report.added.map((r) => (
          <List.Item key={`a-${r.name}`}>add {r.name}</List.Item>
        ))}
        {report.updated.map((r) => (
          <List.Item key={`u-${r.name}`}>update {r.name}</List.Item>
        ))}
        {report.skipped.map((s) => (
          <List.Item key={`s-${s.index}`}>
            <Text span c="orange" size="sm">
              skip entry {s.index + 1}
              {s.name ? ` (${s.name})` : ''}: {s.reason}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
