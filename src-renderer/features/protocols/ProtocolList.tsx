import { Badge, Button, FileButton, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Res } from '../../../src-main/contract/requests';
import type { Protocol } from '../../../src-main/core/protocols/model';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { ApplyDialog } from './ApplyDialog';
import { PageHeading } from '../../ui/PageHeading';
import { ExportMenu } from './ExportMenu';

type Listing = Res<'protocols.list'>;
type Drift = Res<'protocols.drift'>;

const DRIFT_COLOR = { matches: 'teal', drifted: 'orange', unknown: 'gray' } as const;
const DRIFT_WORDS = { matches: 'matches', drifted: 'changed on the rig', unknown: 'not checked' } as const;

/** Saved protocols, which rigs carry them and whether the rigs' tasks still match; import, export, apply, delete. */
export function ProtocolList({ onEdit, onNew }: { onEdit(draft: Protocol): void; onNew(): void }) {
  const call = useCall();
  const rigs = useAppStore((s) => s.rigs);
  const [listing, setListing] = useState<Listing | null>(null);
  const [drift, setDrift] = useState<Drift>([]);
  const [error, setError] = useState<MotifError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [applying, setApplying] = useState<Protocol | null>(null);
  const [importClash, setImportClash] = useState<{ text: string; name: string } | null>(null);

  const load = useCallback(async () => {
    const r = await call('protocols.list', {});
    if (!r.ok) return setError(r.error);
    setListing(r.value);
    const d = await call('protocols.drift', {});
    if (d.ok) setDrift(d.value);
  }, [call]);
  useEffect(() => void load(), [load]);

  const importText = async (text: string, replace: boolean) => {
    const r = await call('protocols.import', { text, replace });
    if (!r.ok) {
      const name = r.error.code === 'already-exists' ? nameIn(text) : null;
      if (name !== null) return setImportClash({ text, name });
      return setError(r.error);
    }
    setError(null);
    setImportClash(null);
    setMessage(`Imported "${r.value.name}".`);
    void load();
  };
  const resetFile = useRef<() => void>(null);
  const importFile = async (file: File | null) => {
    // Cleared, so choosing the same file again (after fixing it) imports it again.
    resetFile.current?.();
    if (file) await importText(await file.text(), false);
  };
  const remove = async (name: string) => {
    setDeleting(null);
    const r = await call('protocols.delete', { name });
    if (!r.ok) return setError(r.error);
    setMessage(`Deleted "${name}".`);
    void load();
  };
  const rigName = (id: string) => rigs.find((r) => r.id === id)?.name ?? id;

  return (
    <Stack gap="md" data-testid="protocols-view">
      <PageHeading title="Protocols" hint="Recordings and stimuli designed once, checked on their plan, and applied to many rigs as scheduled tasks.">
        <Group gap="xs">
          <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json" resetRef={resetFile}>
            {(props) => (
              <Button variant="default" {...props}>
                Import JSON…
              </Button>
            )}
          </FileButton>
          <Button onClick={onNew}>New protocol</Button>
        </Group>
      </PageHeading>
      {error && <ErrorNote error={error} />}
      {message && (
        <Text size="sm" role="status">
          {message}
        </Text>
      )}
      {importClash && (
        <Paper withBorder p="sm" role="alert">
          <Text size="sm" mb="xs">
            A protocol named "{importClash.name}" is already saved. Replace it with the file's version?
          </Text>
          <Group gap="xs">
            <Button size="xs" color="red" onClick={() => void importText(importClash.text, true)}>
              Replace "{importClash.name}"
            </Button>
            <Button size="xs" variant="default" onClick={() => setImportClash(null)}>
              Keep the saved one
            </Button>
          </Group>
        </Paper>
      )}
      {listing?.problems.map((p) => (
        <Text key={p} size="sm" c="orange">
          {p}
        </Text>
      ))}
      {listing && listing.protocols.length === 0 && <Text c="dimmed">No protocols saved yet. Build one, or import a JSON file.</Text>}
      {listing && listing.protocols.length > 0 && (
        <Table aria-label="Saved protocols" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Protocol</Table.Th>
              <Table.Th>On rigs</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {listing.protocols.map((p) => {
              const carriers = drift.filter((d) => d.protocol === p.name);
              return (
                <Table.Tr key={p.name} data-protocol={p.name}>
                  <Table.Td>
                    <Text fw={600}>{p.name}</Text>
                    {p.description && (
                      <Text size="xs" c="dimmed">
                        {p.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {carriers.length === 0 && (
                      <Text size="sm" c="dimmed">
                        none
                      </Text>
                    )}
                    <Stack gap={2}>
                      {carriers.map((d) => (
                        <Group key={d.rigId} gap={6} wrap="nowrap">
                          <Text size="sm">{rigName(d.rigId)}</Text>
                          <Badge size="xs" variant="light" color={d.revision === p.revision ? 'gray' : 'orange'}>
                            {d.revision === p.revision ? 'this version' : 'older version'}
                          </Badge>
                          <Badge size="xs" color={DRIFT_COLOR[d.state]} title={d.differences.join(' ')}>
                            {DRIFT_WORDS[d.state]}
                          </Badge>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button size="xs" variant="default" onClick={() => onEdit(p.protocol)}>
                        Edit
                      </Button>
                      <Button size="xs" onClick={() => setApplying(p.protocol)}>
                        Apply / remove…
                      </Button>
                      <ExportMenu protocolRef={{ name: p.name }} onError={setError} rigs={carriers.map((d) => ({ id: d.rigId, name: rigName(d.rigId) }))} />
                      <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(p.name)}>
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete protocol"
        message={`Delete the saved protocol "${deleting ?? ''}"? Rigs it was applied to keep their tasks; remove it from them first to delete those.`}
        confirmLabel="Delete"
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      />
      {applying && (
        <ApplyDialog
          protocolRef={{ name: applying.name }}
          protocol={applying}
          onClose={() => {
            setApplying(null);
            void load();
          }}
        />
      )}
    </Stack>
  );
}

/** The name in a protocol file's text, to offer replacing the saved one of that name. */
function nameIn(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') return parsed.name;
  } catch {
    // The import's own error already said what is wrong with the file.
  }
  return null;
}
