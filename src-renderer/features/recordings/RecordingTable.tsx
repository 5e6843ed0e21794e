import { Badge, Group, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import type { RecordingEntry } from '../../../src-main/contract/requests/operations';
import { formatDurationSeconds } from '../../../src-shared/duration';
import { VirtualTable } from '../../ui/VirtualTable';

const COLUMNS = 'minmax(0, 2.4fr) minmax(0, 0.9fr) minmax(0, 0.8fr) minmax(0, 1.3fr) minmax(0, 0.8fr) minmax(0, 1fr)';

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
const formatDuration = (s: number | undefined) => (s === undefined ? '—' : formatDurationSeconds(Math.round(s)));

/** Recordings as a table whose rows are virtualised: rigs keep thousands of files. */
export function RecordingTable({ entries, timeZone }: { entries: RecordingEntry[]; timeZone: string }) {
  return (
    <VirtualTable
      label="Recordings"
      headers={['Name', 'Camera', 'Size', `Start (${timeZone})`, 'Duration', 'Status']}
      columns={COLUMNS}
      rows={entries}
      rowHeightPx={36}
      maxHeight={360}
      renderCells={(e) => (
        <>
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
        </>
      )}
    />
  );
}
