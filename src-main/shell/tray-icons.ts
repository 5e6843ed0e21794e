import type { TrayModel } from '../core/tray/tray-menu';

/** The tray icon's states, as drawn by scripts/make-icons.mjs into assets/tray/. */
export type TrayIconState = 'idle' | 'recording' | 'offline' | 'problem' | 'recording-offline' | 'recording-problem';

export function trayIconState(model: Pick<TrayModel, 'recording' | 'attention'>): TrayIconState {
  const mark = model.attention === 'none' ? '' : model.attention;
  if (model.recording) return mark ? `recording-${mark}` : 'recording';
  return mark || 'idle';
}

/** The panel the icon sits on: a light glyph for a dark panel and the other way round. */
export type TrayPanel = 'light' | 'dark';

/**
 * The icon file for a state: macOS gets template images (the menu bar tints them),
 * Linux and Windows a coloured glyph for the panel's theme.
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform, panel: TrayPanel): string {
  return platform === 'darwin' ? `tray/${state}Template.png` : `tray/${state}-${panel}.png`;
}

/**
 * The tray's panel theme: the setting when it says one; else Windows' taskbar theme, and on
 * Linux a dark panel (GNOME's top bar and most docks are dark whatever the app theme).
 */
export function trayPanel(
  setting: 'auto' | 'light' | 'dark',
  platform: NodeJS.Platform,
  theme: { shouldUseDarkColors: boolean; shouldUseDarkColorsForSystemIntegratedUI?: boolean },
): TrayPanel {
  if (setting !== 'auto') return setting;
  if (platform === 'win32') return (theme.shouldUseDarkColorsForSystemIntegratedUI ?? theme.shouldUseDarkColors) ? 'dark' : 'light';
  if (platform === 'linux') return 'dark';
  return theme.shouldUseDarkColors ? 'dark' : 'light';
}
