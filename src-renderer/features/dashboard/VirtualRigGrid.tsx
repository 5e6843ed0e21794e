import { useLayoutEffect, useState, type ReactNode } from 'react';
import { useWatchRigs } from '../status/use-watch-rigs';
import { useWindowList } from './use-window-list';

interface VirtualRigGridProps {
  rigIds: string[];
  /** A fixed number of columns, or as many of at least `minItemPx` as the width takes. */
  columns: number | { minItemPx: number };
  gapPx: number;
  /** A first guess at a row's height; rows are measured as they render. */
  estimateRowPx: number;
  label: string;
  renderItem(rigId: string): ReactNode;
}

/**
 * Rigs in a grid scrolled with the page, only the rows near the screen in the DOM, so 200 rigs
 * cost what the ones on screen cost; the rigs on screen are watched (read every second).
 */
export function VirtualRigGrid({ rigIds, columns, gapPx, estimateRowPx, label, renderItem }: VirtualRigGridProps) {
  const [widthPx, setWidthPx] = useState(0);
  const cols = typeof columns === 'number' ? columns : Math.max(1, Math.floor((widthPx + gapPx) / (columns.minItemPx + gapPx)));
  const rows = Math.ceil(rigIds.length / cols);
  const { listRef, items, before, after, measure } = useWindowList<HTMLDivElement>(rows, estimateRowPx, (i) => `${rigIds[i * cols]}:${cols}`);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    setWidthPx(el.clientWidth);
    const observer = new ResizeObserver(() => setWidthPx(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [listRef]);
  const shown = items.flatMap((item) => rigIds.slice(item.index * cols, item.index * cols + cols));
  useWatchRigs(shown);
  return (
    <div ref={listRef} role="list" aria-label={label}>
      {before > 0 && <div aria-hidden style={{ height: before }} />}
      {items.map((item) => (
        <div
          key={item.key}
          ref={measure}
          data-index={item.index}
          style={{ display: 'grid', gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gap: gapPx, paddingBottom: gapPx }}
        >
          {rigIds.slice(item.index * cols, item.index * cols + cols).map((id) => renderItem(id))}
        </div>
      ))}
      {after > 0 && <div aria-hidden style={{ height: after }} />}
    </div>
  );
}
