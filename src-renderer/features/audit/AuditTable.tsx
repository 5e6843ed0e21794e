import { Badge, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import { useRef } from 'react';
import type { AuditEntry } from '../../../src-main/contract/requests/audit';
import { endpointInWords } from '../outbox/endpoint-words';

const ROW_HEIGHT_PX = 44;
// minmax(0, …): a long cell truncates instead of widening its own row's grid.
const COLUMNS = 'minmax(0, 1.2fr) minmax(0, 1fr) minmax(0, 2.6fr) minmax(0, 1.4fr) minmax(0, 0.6fr)';
const rowStyle = { display: 'grid', gap: 8, alignItems: 'center', padding: '0 8px', fontSize: 14, whiteSpace: 'nowrap' } as const;
const border = '1px solid var(--mantine-color-default-border)';

/** The audit log, newest first, virtualised: a lab's log holds thousands of commands. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
  });
  return (
    <div role="table" aria-label="Audit log" aria-rowcount={entries.length + 1}>
      <div role="row" style={{ ...rowStyle, gridTemplateColumns: COLUMNS, fontWeight: 600, height: 32, borderBottom: border }}>
        {['Time', 'Rig', 'Command', 'Outcome', 'Duration'].map((h) => (
          <div role="columnheader" key={h}>
            {h}
          </div>
        ))}
      </div>
      <div ref={scrollRef} style={{ height: 'min(60vh, 520px)', overflow: 'auto' }}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const e = entries[row.index]!;
            return (
              <div
                role="row"
                key={row.key}
                aria-rowindex={row.index + 2}
                style={{
                  ...rowStyle,
                  gridTemplateColumns: COLUMNS,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT_PX,
                  borderBottom: border,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                <div role="cell">{DateTime.fromISO(e.at).toFormat('yyyy-LL-dd HH:mm:ss')}</div>
                <div role="cell">
                  <Text size="sm" truncate>
                    {e.rigName}
                  </Text>
                </div>
                <div role="cell" title={`${e.method} ${e.endpoint}`}>
                  <Text size="sm" truncate>
                    {endpointInWords(e.endpoint, e.args)}
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
