import { Badge, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DateTime } from 'luxon';
import { useRef } from 'react';
import type { RecordingEntry } from '../../../src-main/contract/requests/operations';

const ROW_HEIGHT_PX = 36;
// minmax(0, …): a long cell truncates instead of widening its own row's grid.
const COLUMNS = 'minmax(0, 2.4fr) minmax(0, 0.9fr) minmax(0, 0.8fr) minmax(0, 1.3fr) minmax(0, 0.8fr) minmax(0, 1fr)';
const rowStyle = { display: 'grid', gap: 8, alignItems: 'center', padding: '0 8px', fontSize: 14, whiteSpace: 'nowrap' } as const;
const headStyle = { ...rowStyle, fontWeight: 600, height: 32, borderBottom: '1px solid var(--mantine-color-default-border)' } as const;
const bodyRowStyle = { ...rowStyle, position: 'absolute', top: 0, left: 0, width: '100%', borderBottom: '1px solid var(--mantine-color-default-border)' } as const;

const formatBytes = (n: number | undefined) => {
  if (n === undefined) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v < 10 && i > 0 ? 1 : 0)} ${units[i]}`;
};
const formatStart = (iso: string | undefined, timeZone: string) => {
  if (!iso) return '—';
  const t = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  return t.isValid ? t.toFormat('yyyy-LL-dd HH:mm:ss') : iso;
};
const formatDuration = (s: number | undefined) => {
  if (s === undefined) return '—';
  const whole = Math.round(s);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const sec = whole % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
};

/** Recordings as a table whose rows are virtualised: rigs keep thousands of files. */
export function RecordingTable({ entries, timeZone }: { entries: RecordingEntry[]; timeZone: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 10,
  });
  return (
    <Box role="table" aria-label="Recordings" aria-rowcount={entries.length + 1}>
      <Box role="row" style={{ ...headStyle, gridTemplateColumns: COLUMNS }}>
        {['Name', 'Camera', 'Size', `Start (${timeZone})`, 'Duration', 'Status'].map((h) => (
          <div role="columnheader" key={h}>
            {h}
          </div>
        ))}
      </Box>
      <div ref={scrollRef} style={{ maxHeight: 360, overflow: 'auto' }}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const e = entries[row.index]!;
            return (
              <div
                role="row"
                aria-rowindex={row.index + 2}
                key={row.key}
                style={{ ...bodyRowStyle, gridTemplateColumns: COLUMNS, height: ROW_HEIGHT_PX, transform: `translateY(${row.start}px)` }}
              >
                <div role="cell" title={e.path ?? e.name}>
                  <Text size="sm" truncate>
                    {e.name}
                  </Text>
                </div>
                <div role="cell">{e.serial ?? '—'}</div>
                <div role="cell">{formatBytes(e.sizeBytes)}</div>
                <div role="cell">{formatStart(e.startedAt, timeZone)}</div>
                <div role="cell">{formatDuration(e.durationSeconds)}</div>
                <div role="cell">
                  <Group gap={4}>
                    {e.copied && <Badge size="xs" color="teal">copied</Badge>}
                    {e.exported && <Badge size="xs" color="grape">exported</Badge>}
                  </Group>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
