import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * A list scrolled with the page whose items only exist in the DOM while near the screen:
 * 200 rigs cost what the 15 on screen cost. Items are measured as they render (a card with
 * four cameras is taller than one with two). `before`/`after`: the room the items outside the
 * DOM take, for spacers that keep the scroll bar true.
 */
export function useWindowList<E extends HTMLElement>(count: number, estimatePx: number, key: (index: number) => string) {
  const listRef = useRef<E>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    // Content above the list may change height (a notice, the summary): measured again when the
    // page's size changes, after the browser's own layout, rather than after every render,
    // where reading a position forced a layout of the whole page each time.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => estimatePx, overscan: 6, scrollMargin, getItemKey: key });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  return { listRef, items, before, after, measure: virtualizer.measureElement };
}
