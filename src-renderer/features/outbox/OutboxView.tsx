import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { OutboxEntry } from '../../../src-main/contract/requests/outbox';
import { useAppStore } from '../../store/use-app-store';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorNote } from '../../ui/ErrorNote';

const STATE_WORDS: Record<OutboxEntry['state'], { text: string; color: string }> = {
  pending: { text: 'waiting for the rig', color: 'orange' },
  sending: { text: 'sending', color: 'blue' },
  failed: { text: 'refused by the rig', color: 'red' },
  conflict: { text: 'conflict', color: 'yellow' },
  applied: { text: 'applied', color: 'teal' },
};

const words = (e: OutboxEntry) => e.words;

/** Why a held change waits: the change ahead of it to the same target. */
function heldWords(e: OutboxEntry, rigEntries: OutboxEntry[]): string | undefined {
  if (e.heldBy === undefined) return undefined;
  const ahead = rigEntries.find((x) => x.id === e.heldBy);
  if (ahead?.state === 'failed') return `Waits behind the refused change to the same target (${ahead.words}): retry or cancel that one.`;
  if (ahead?.state === 'conflict') return `Waits behind the change to the same target that was changed on the rig since (${ahead.words}): apply that one anyway or drop it.`;
  return 'Waits for the change ahead of it to the same target.';
}

/** The rig's queue is held at a refused or conflicting change: how much waits behind it, and that the rest goes on. */
function HeldNote({ entries }: { entries: OutboxEntry[] }) {
  const behind = (state: OutboxEntry['state']) => entries.filter((e) => e.heldBy !== undefined && entries.find((x) => x.id === e.heldBy)?.state === state).length;
  const held = behind('failed');
  const conflicted = behind('conflict');
  if (held === 0 && conflicted === 0) return null;
  return (
    <Stack gap={2} mb="xs">
      {held > 0 && (
        <Text size="sm" c="grape" role="status">
          Queue held: {held} change{held === 1 ? '' : 's'} to the same target as a refused change wait{held === 1 ? 's' : ''} behind it. Its other changes
          are sent; retry or cancel the refused one.
        </Text>
      )}
      {conflicted > 0 && (
        <Text size="sm" c="grape" role="status">
          Queue held: {conflicted} change{conflicted === 1 ? '' : 's'} to the same target as a conflicting change wait{conflicted === 1 ? 's' : ''} behind it.
          Its other changes are sent; apply the conflicting one anyway or drop it.
        </Text>
      )}
    </Stack>
  );
}

/** Changes kept for offline rigs, per rig, with cancel and retry. */
export function OutboxView() {
  const entries = useAppStore((s) => s.outboxEntries);
  const loaded = useAppStore((s) => s.outboxLoaded);
  const error = useAppStore((s) => s.outboxError);
  const loadOutbox = useAppStore((s) => s.loadOutbox);
  const watchOutbox = useAppStore((s) => s.watchOutbox);
  const cancel = useAppStore((s) => s.cancelOutboxEntry);
  const retry = useAppStore((s) => s.retryOutboxEntry);
  const applyAnyway = useAppStore((s) => s.applyOutboxEntryAnyway);
  const [actionError, setActionError] = useState<MotifError | null>(null);

  useEffect(() => {
    void loadOutbox();
    return watchOutbox();
  }, [loadOutbox, watchOutbox]);

  const act = async (call: Promise<{ ok: boolean; error?: MotifError }>) => {
    const r = await call;
    setActionError(r.ok ? null : (r.error ?? null));
  };
  const waiting = entries.filter((e) => e.state !== 'applied');
  const applied = entries.filter((e) => e.state === 'applied');
  const byRig = new Map<string, OutboxEntry[]>();
  for (const e of waiting) byRig.set(e.rigName, [...(byRig.get(e.rigName) ?? []), e]);

  return (
    <Stack gap="md" data-testid="outbox-view">
      <PageHeading title="Outbox" hint="Changes made while a rig was offline. They are sent in order as soon as the rig answers again.">
        <Button variant="default" onClick={() => void loadOutbox()}>
          Refresh
        </Button>
      </PageHeading>
      {error && <ErrorNote error={error} />}
      {actionError && <ErrorNote error={actionError} />}
      {loaded && waiting.length === 0 && (
        <Text c="dimmed" data-testid="outbox-empty">
          Nothing waiting: every change has reached its rig.
        </Text>
      )}
      {[...byRig].map(([rigName, rigEntries]) => (
        <Paper withBorder p="md" radius="md" key={rigName} component="section" aria-label={`Outbox of ${rigName}`}>
          <Title order={3} size="h5" mb="xs">
            {rigName}
          </Title>
          <HeldNote entries={rigEntries} />
          <Table striped aria-label={`Pending changes for ${rigName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Change</Table.Th>
                <Table.Th>Queued</Table.Th>
                {/* Wide enough for its longest badge ("conflict", "sending"): a squeezed badge is cut to "CO…". */}
                <Table.Th miw={110}>State</Table.Th>
                <Table.Th>Last error or conflict</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rigEntries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{words(e)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {e.method} {e.endpoint}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{DateTime.fromMillis(e.createdAtMs).toFormat('yyyy-LL-dd HH:mm:ss')}</Text>
                    {e.attempts > 0 && (
                      <Text size="xs" c="dimmed">
                        {e.attempts} attempt{e.attempts === 1 ? '' : 's'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.heldBy !== undefined ? (
                      <Badge color="grape" variant="light">
                        held
                      </Badge>
                    ) : (
                      <Badge color={STATE_WORDS[e.state].color} variant="light">
                        {STATE_WORDS[e.state].text}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.conflict ? (
                      <Text size="sm" c="yellow.8">
                        {e.conflict.message} Your change was not sent: apply it anyway, or drop it.
                      </Text>
                    ) : (
                      <Text size="sm" c={e.error ? 'red' : 'dimmed'}>
                        {e.error?.message ?? heldWords(e, rigEntries) ?? '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {e.state === 'failed' && (
                        <Button size="compact-sm" variant="light" aria-label={`Retry: ${words(e)}`} onClick={() => void act(retry(e.id))}>
                          Retry
                        </Button>
                      )}
                      {e.state === 'conflict' && (
                        <>
                          <Button size="compact-sm" variant="light" aria-label={`Apply mine anyway: ${words(e)}`} onClick={() => void act(applyAnyway(e.id))}>
                            Apply mine
                          </Button>
                          <Button size="compact-sm" variant="subtle" color="red" aria-label={`Drop: ${words(e)}`} onClick={() => void act(cancel(e.id))}>
                            Drop
                          </Button>
                        </>
                      )}
                      {(e.state === 'pending' || e.state === 'failed') && (
                        <Button size="compact-sm" variant="subtle" color="red" aria-label={`Cancel: ${words(e)}`} onClick={() => void act(cancel(e.id))}>
                          Cancel
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {applied.length > 0 && <AppliedEntries entries={applied} />}
    </Stack>
  );
}

/** Changes that reached their rig after it came back: kept in view so the user sees they landed. */
function AppliedEntries({ entries }: { entries: OutboxEntry[] }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Recently applied">
      <Title order={3} size="h5" mb="xs">
        Recently applied
      </Title>
      <Table aria-label="Recently applied changes">
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.rigName}</Table.Td>
              <Table.Td>{words(e)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="teal">
                  {e.alreadySo ? 'already so on the rig, not sent' : 'applied'} {e.appliedAtMs === null ? '' : DateTime.fromMillis(e.appliedAtMs).toFormat('HH:mm:ss')}
                </Text>
                {e.note && (
                  <Text size="xs" c="dimmed">
                    {e.note}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
