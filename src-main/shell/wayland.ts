/**
 * Wayland gives apps no global key grabs; Chromium can ask the desktop through the
 * GlobalShortcuts portal instead (KDE Plasma 6, GNOME 48 and later), but only when the
 * feature is on before the app is ready.
 */

export function isWaylandSession(env: Record<string, string | undefined>, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || (!!env.WAYLAND_DISPLAY && env.XDG_SESSION_TYPE !== 'x11'));
}

/**
 * The `--enable-features` value with the portal added to what is there already (a second
 * appendSwitch would replace the first list), or null when nothing needs to change.
 */
export function featuresWithShortcutsPortal(existing: string): string | null {
  const features = existing.split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (features.includes('GlobalShortcutsPortal')) return null;
  return [...features, 'GlobalShortcutsPortal'].join(',');
}
