import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { useEffect, useMemo, useState } from 'react';
import type { MotifError } from '../../../src-main/contract/errors';
import type { Args } from '../../../src-main/contract/requests';
import type { AuditFilter } from '../../../src-main/contract/requests/audit';
import { useAppStore, useCall } from '../../store/use-app-store';
import { ErrorNote } from '../../ui/ErrorNote';
import { AuditTable } from './AuditTable';
import { AUDIT_PAGE_LIMIT } from './audit-slice';
import { PageHeading } from '../../ui/PageHeading';
import { downloadText } from './download-text';

const ALL_RIGS = '';
/** A datetime-local value (this PC's wall clock) as the ISO instant the filter takes. */
const toIso = (local: string) => {
  const t = DateTime.fromISO(local);
  return local && t.isValid ? (t.toISO() ?? undefined) : undefined;
};

/** Every command sent to a rig, filtered by rig and time, exportable as CSV or JSON. */
export function AuditView() {
  const rigs = useAppStore((s) => s.rigs);
  const entries = useAppStore((s) => s.auditEntries);
  const truncated = useAppStore((s) => s.auditTruncated);
  const loading = useAppStore((s) => s.auditLoading);
  const error = useAppStore((s) => s.auditError);
  const queryAudit = useAppStore((s) => s.queryAudit);
  const call = useCall();
  const [rigId, setRigId] = useState(ALL_RIGS);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exportError, setExportError] = useState<MotifError | null>(null);

  const filter = useMemo<AuditFilter>(() => {
    const f: AuditFilter = {};
    if (rigId) f.rigId = rigId;
    const fromIso = toIso(from);
    const toIsoValue = toIso(to);
    if (fromIso) f.from = fromIso;
    if (toIsoValue) f.to = toIsoValue;
    return f;
  }, [rigId, from, to]);

  useEffect(() => {
    void queryAudit(filter);
  }, [filter, queryAudit]);

  const download = async (format: Args<'audit.export'>['format']) => {
    const r = await call('audit.export', { ...filter, format });
    if (!r.ok) return setExportError(r.error);
    setExportError(null);
    const stamp = DateTime.now().toFormat('yyyyLLdd-HHmmss');
    downloadText(r.value.text, `motif-audit-${stamp}.${format}`, format === 'csv' ? 'text/csv' : 'application/json');
  };

  return (
    <Stack gap="md" data-testid="audit-view">
      <PageHeading title="Audit log" hint="Every command this PC sent to a rig, newest first. API keys are never recorded.">
        <Group gap="xs">
          <Button variant="default" onClick={() => void download('csv')}>
            Export CSV
          </Button>
          <Button variant="default" onClick={() => void download('json')}>
            Export JSON
          </Button>
        </Group>
      </PageHeading>
      <Group align="flex-end">
        <Select
          label="Rig"
          data={[{ value: ALL_RIGS, label: 'All rigs' }, ...rigs.map((r) => ({ value: r.id, label: r.name }))]}
          value={rigId}
          onChange={(v) => setRigId(v ?? ALL_RIGS)}
          allowDeselect={false}
          w={220}
        />
        <TextInput type="datetime-local" step={1} label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={230} />
        <TextInput type="datetime-local" step={1} label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={230} />
        <Button variant="subtle" onClick={() => void queryAudit(filter)} loading={loading}>
          Refresh
        </Button>
      </Group>
      {error && <ErrorNote error={error} />}
      {exportError && <ErrorNote error={exportError} />}
      <Text size="sm" c="dimmed" data-testid="audit-count">
        {entries.length} command{entries.length === 1 ? '' : 's'}
        {truncated ? ` (the newest ${AUDIT_PAGE_LIMIT}; narrow the filter or export for all)` : ''}
      </Text>
      {entries.length === 0 && !loading && !error ? (
        <Text c="dimmed">No commands match these filters yet.</Text>
      ) : (
        <AuditTable entries={entries} />
      )}
    </Stack>
  );
}
