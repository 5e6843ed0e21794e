import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

const border = '1px solid var(--mantine-color-default-border)';
const rowStyle = { display: 'grid', gap: 8, alignItems: 'center', padding: '0 8px', fontSize: 14, whiteSpace: 'nowrap' } as const;

export interface VirtualTableProps<T> {
  /** The table's accessible name. */
  label: string;
  headers: string[];
  /** CSS grid columns; minmax(0, …) lets a long cell truncate instead of widening its row. */
  columns: string;
  rows: readonly T[];
  rowHeightPx: number;
  maxHeight: number | string;
  overscan?: number;
  /** The row's cells, each a `role="cell"` element. */
  renderCells(row: T): ReactNode;
}

/** A table whose rows are virtualised (only the visible ones are in the DOM), with ARIA table roles. */
export function VirtualTable<T>({ label, headers, columns, rows, rowHeightPx, maxHeight, overscan = 10, renderCells }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan,
  });
  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="row" style={{ ...rowStyle, gridTemplateColumns: columns, fontWeight: 600, height: 32, borderBottom: border }}>
        {headers.map((h) => (
          <div role="columnheader" key={h}>
            {h}
          </div>
        ))}
      </div>
      <div ref={scrollRef} style={{ maxHeight, overflow: 'auto' }}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              role="row"
              key={item.key}
              aria-rowindex={item.index + 2}
              style={{
                ...rowStyle,
                gridTemplateColumns: columns,
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: rowHeightPx,
                borderBottom: border,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {renderCells(rows[item.index]!)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
