import { Badge, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import type { AuditEntry } from '../../../src-main/contract/requests/audit';
import { VirtualTable } from '../../ui/VirtualTable';

const COLUMNS = 'minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 2.6fr) minmax(0, 1.4fr) minmax(0, 0.6fr)';

/** The audit log, newest first, virtualised: a lab's log holds thousands of commands. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <VirtualTable
      label="Audit log"
      headers={['Time', 'Rig', 'Command', 'Outcome', 'Duration']}
      columns={COLUMNS}
      rows={entries}
      rowHeightPx={44}
      maxHeight="min(60vh, 520px)"
      overscan={12}
      renderCells={(e) => (
        <>
          <div role="cell">{DateTime.fromISO(e.at).toFormat('yyyy-LL-dd HH:mm:ss')}</div>
          <div role="cell">
            <Text size="sm" truncate>
              {e.rigName}
            </Text>
          </div>
          <div role="cell" title={`${e.method} ${e.endpoint}`}>
            <Text size="sm" truncate>
              {e.words}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" truncate>
              {e.method} {e.endpoint}
            </Text>
          </div>
          <div role="cell" title={e.errorMessage ?? undefined}>
            {e.outcome === 'ok' ? (
              <Badge color="teal" variant="light">
                ok
              </Badge>
            ) : (
              <Text size="sm" c="red" truncate>
                {e.errorMessage ?? e.errorCode ?? 'error'}
              </Text>
            )}
          </div>
          <div role="cell">{Math.round(e.durationMs)} ms</div>
        </>
      )}
    />
  );
}
