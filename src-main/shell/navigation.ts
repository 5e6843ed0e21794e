import type { WebContents } from 'electron';

/**
 * The window shows our renderer and nothing else: navigation away, new windows
 * and <webview> are refused (a link in rig data must never open inside the app).
 */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  // The event carries the URL (Electron 25+); the separate url argument is deprecated.
  contents.on('will-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  // Frames too: the renderer has none of its own, so no frame may go anywhere else.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Our renderer is loaded from one file; only that document (any hash or query) is ours. */
export function appUrlMatcher(indexUrl: string): (url: string) => boolean {
  const base = new URL(indexUrl);
  return (url) => {
    try {
      const u = new URL(url);
      return u.protocol === base.protocol && u.host === base.host && u.pathname === base.pathname;
    } catch {
      return false;
    }
  };
}
