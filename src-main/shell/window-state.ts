import type { BrowserWindow, Rectangle } from 'electron';
import type { SettingsStore, WindowState } from './shell-settings';

/** The part of a display windows may cover (Electron's `Display.workArea`). */
export interface WorkArea {
  workArea: Rectangle;
}

const MIN_VISIBLE = 100;

/**
 * Where to open the window: the saved bounds when enough of the title area is on a display
 * that is still there (a monitor may have been unplugged), otherwise the saved size only
 * (centred by Electron), otherwise nothing.
 */
export function restoredBounds(saved: WindowState | null, displays: readonly WorkArea[]): Partial<Rectangle> {
  if (!saved) return {};
  const size = { width: saved.width, height: saved.height };
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const visible = displays.some(({ workArea: a }) => {
    const w = Math.min(titleBar.x + titleBar.width, a.x + a.width) - Math.max(titleBar.x, a.x);
    const h = Math.min(titleBar.y + titleBar.height, a.y + a.height) - Math.max(titleBar.y, a.y);
    return w >= Math.min(MIN_VISIBLE, titleBar.width) && h > 0;
  });
  return visible ? { ...size, x: saved.x, y: saved.y } : size;
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/** Saves the window's bounds (debounced while it moves) and at once when it closes. */
export function rememberWindowState(window: TrackedWindow, settings: SettingsStore, debounceMs = 500): () => void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const b = window.getNormalBounds();
    settings.set('window', {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
      maximized: window.isMaximized(),
    });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later);
  window.on('close', save);
  return save;
}
